"""The admin API as a local service (docs/sandbox-admin.md, "Who may call it"): a real
`wacli sandbox serve` turns away a foreign Host, a cross-site Origin, a body that is not
JSON, and — bound beyond loopback — a request without the ready line's token; its admin
port survives a restart with --state."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

from wacli.sandbox.process import SandboxProcess

ACCOUNT = json.dumps({"phone": "15550001111"})


def _ask(
    server: SandboxProcess, method: str, path: str, body: str | None, **headers: str
) -> tuple[int, dict[str, str]]:
    """(status, JSON answer) of one request with exactly ``headers`` (Host included)."""
    url = urlsplit(server.endpoints["admin_url"])
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
    try:
        conn.putrequest(method, url.path + path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name.replace("_", "-"), value)
        data = b"" if body is None else body.encode()
        if data:
            conn.putheader("Content-Length", str(len(data)))
        conn.endheaders(data or None)
        answer = conn.getresponse()
        return answer.status, json.loads(answer.read() or b"null")
    finally:
        conn.close()


def test_only_local_scripts_may_call_it() -> None:
    with SandboxProcess() as server:
        own = urlsplit(server.endpoints["admin_url"]).netloc
        port = own.rsplit(":", 1)[1]
        json_body = {"Host": own, "Content_Type": "application/json"}

        status, answer = _ask(
            server, "POST", "/accounts", ACCOUNT, **{**json_body, "Host": "evil.example"}
        )
        assert status == 403 and "Host 'evil.example'" in answer["error"]
        rebound = {**json_body, "Host": f"evil.example:{port}"}  # DNS rebinding keeps the port
        assert _ask(server, "GET", "/stats", None, **rebound)[0] == 403

        status, answer = _ask(
            server, "POST", "/accounts", ACCOUNT, Host=own, Content_Type="text/plain"
        )
        assert status == 415 and "application/json" in answer["error"]
        assert _ask(server, "POST", "/accounts", ACCOUNT, Host=own)[0] == 415  # no type at all

        cross = {**json_body, "Origin": "https://evil.example"}
        status, answer = _ask(server, "POST", "/accounts", ACCOUNT, **cross)
        assert status == 403 and "cross-site" in answer["error"]
        assert _ask(server, "GET", "/stats", None, Host=own, Origin="null")[0] == 403
        assert server.admin("GET", "/accounts") == (200, [])  # nothing got through

        same = {**json_body, "Origin": f"http://{own}"}
        assert _ask(server, "POST", "/accounts", ACCOUNT, **same)[0] == 201
        assert _ask(server, "GET", "/stats", None, Host=f"localhost:{port}")[0] == 200
        assert "admin_token" not in server.endpoints  # loopback: no token needed


def test_beyond_loopback_a_token_is_required() -> None:
    with SandboxProcess(None, "--host", "0.0.0.0") as server:
        token = server.endpoints["admin_token"]
        assert len(token) >= 32
        own = urlsplit(server.endpoints["admin_url"]).netloc
        status, answer = _ask(server, "GET", "/stats", None, Host=own)
        assert status == 401 and "admin_token" in answer["error"]
        wrong = _ask(server, "GET", "/stats", None, Host=own, Authorization="Bearer " + "x" * 43)
        assert wrong[0] == 401
        assert (
            _ask(server, "GET", "/stats", None, Host=own, Authorization=f"Bearer {token}")[0] == 200
        )
        assert server.admin("POST", "/accounts", {"phone": "15550001111"})[0] == 201


def test_the_admin_port_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "sandbox"
    with SandboxProcess(state) as first:
        admin_url = first.endpoints["admin_url"]
        assert first.stop() == 0
    with SandboxProcess(state) as second:
        assert second.endpoints["admin_url"] == admin_url
        assert second.admin("GET", "/stats")[0] == 200
    with SandboxProcess(None, "--admin-port", str(urlsplit(admin_url).port)) as chosen:
        assert chosen.endpoints["admin_url"] == admin_url
