"""The real `wacli` through an HTTP proxy the environment names (wacli.client.proxy):
the chat connection and the media upload both tunnel with CONNECT; NO_PROXY goes
straight; credentials reach the proxy and never an error line; a refused tunnel or an
unusable proxy setting is one line and exit 4."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.client.accounts import pair
from tests.client.connect_proxy import connect_proxy, url
from tests.client.support import new_account, run_with
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

SENDER = "15550009101"
PEER = "15550009102"


@pytest.fixture(scope="module")
def paired(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("proxy") / "store"
    pair(sandbox, store, SENDER)
    new_account(sandbox, PEER)
    return store


def chat_target(sandbox: SandboxProcess) -> str:
    parts = urlsplit(sandbox.url)
    return f"{parts.hostname}:{parts.port}"


def inbox_texts(sandbox: SandboxProcess) -> dict[str, str | None]:
    status, entries = sandbox.admin("GET", f"/accounts/{PEER}/inbox")
    assert status == 200, entries
    return {entry["id"]: entry.get("text") for entry in entries}


def send(
    sandbox: SandboxProcess, store: Path, env: dict[str, str], *args: str
) -> tuple[int, bytes, str]:
    return run_with(store, sandbox.url, sandbox.root_key, "send", f"+{PEER}", *args, env=env)


def test_a_send_tunnels_through_http_proxy(sandbox: SandboxProcess, paired: Path) -> None:
    with connect_proxy() as proxy:
        code, out, err = send(sandbox, paired, {"HTTP_PROXY": url(proxy)}, "via the proxy")
        seen = list(proxy.seen)
    assert code == 0, err
    assert inbox_texts(sandbox)[out.decode().strip()] == "via the proxy"
    assert seen == [(chat_target(sandbox), None)]


def test_media_goes_through_https_proxy_too(
    sandbox: SandboxProcess, paired: Path, tmp_path: Path
) -> None:
    """The upload to the sandbox's TLS media server tunnels as well; TLS runs end to end
    through the tunnel, verified against the sandbox's CA."""
    document = tmp_path / "note.txt"
    document.write_bytes(b"a document through a proxy\n" * 100)
    with connect_proxy() as proxy:
        env = {"HTTP_PROXY": url(proxy), "HTTPS_PROXY": url(proxy)}
        ca = ("--media-ca", sandbox.endpoints["media_ca"])
        code, out, err = send(sandbox, paired, env, "--file", str(document), *ca)
        targets = [target for target, _ in proxy.seen]
    assert code == 0, err
    assert out.decode().strip() in inbox_texts(sandbox)
    assert targets[0] == chat_target(sandbox)
    uploads = [target for target in targets if target != chat_target(sandbox)]
    assert uploads, f"the upload did not use the proxy: {targets}"


@pytest.mark.parametrize("bypass", ["127.0.0.1", "*", "localhost, 127.0.0.1", "127.0.0.1:{port}"])
def test_no_proxy_goes_straight(sandbox: SandboxProcess, paired: Path, bypass: str) -> None:
    bypass = bypass.format(port=urlsplit(sandbox.url).port)
    with connect_proxy() as proxy:
        env = {"HTTP_PROXY": url(proxy), "NO_PROXY": bypass}
        code, _, err = send(sandbox, paired, env, "straight")
        seen = list(proxy.seen)
    assert code == 0, err
    assert seen == []


def test_credentials_reach_the_proxy(sandbox: SandboxProcess, paired: Path) -> None:
    wanted = "Basic " + base64.b64encode(b"cron:p@ss word").decode()
    with connect_proxy(wanted) as proxy:
        env = {"http_proxy": url(proxy, "cron:p%40ss%20word")}
        code, _, err = send(sandbox, paired, env, "with credentials")
        seen = list(proxy.seen)
    assert code == 0, err
    assert seen == [(chat_target(sandbox), wanted)]


def test_a_refused_tunnel_is_one_line_and_exit_4(sandbox: SandboxProcess, paired: Path) -> None:
    wanted = "Basic " + base64.b64encode(b"cron:right").decode()
    with connect_proxy(wanted) as proxy:
        env = {"HTTP_PROXY": url(proxy, "cron:wrong-secret")}
        code, _, err = send(sandbox, paired, env, "refused")
        shown = url(proxy)
    assert code == ExitCode.CANNOT_CONNECT, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"the proxy {shown} refused a tunnel to {chat_target(sandbox)}: 407" in err
    assert "wrong-secret" not in err and "cron" not in err


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("socks5://127.0.0.1:1080", "socks5:// proxy"),
        ("http://127.0.0.1:notaport", "is not a proxy URL"),
        ("http://127.0.0.1:9", "cannot reach the proxy http://127.0.0.1:9"),
    ],
)
def test_an_unusable_proxy_setting_is_one_line_and_exit_4(
    sandbox: SandboxProcess, paired: Path, value: str, said: str
) -> None:
    code, _, err = send(sandbox, paired, {"HTTP_PROXY": value}, "nowhere")
    assert code == ExitCode.CANNOT_CONNECT, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert said in err
