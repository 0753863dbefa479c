"""`--account NAME` and `wacli accounts` run as programs, with XDG_DATA_HOME in a temp dir.

Stores are filled through the store API (no network): a made-up account row makes one
paired, an archived message and chat show which store a reading command opened.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import orjson
import pytest

from tests.unit.accounts import made_up_account
from wacli.cli.exit_codes import ExitCode
from wacli.store import DB_NAME, Store
from wacli.store.archive import Archive, ArchivedMessage

ALICE = "15551234567@s.whatsapp.net"
T0 = 1_795_600_000  # 2026-11-25T09:46:40Z

_NULLABLE = {"type": ["string", "null"]}
ROW_SCHEMA = {
    "type": "object",
    "required": ["name", "store", "current", "paired", "jid", "lid", "push_name", "paired_at"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": ["string", "null"], "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$"},
        "store": {"type": "string", "minLength": 1},
        "current": {"type": "boolean"},
        "paired": {"type": "boolean"},
        "jid": _NULLABLE,
        "lid": _NULLABLE,
        "push_name": _NULLABLE,
        "paired_at": {
            "type": ["string", "null"],
            "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$",
        },
        "error": {"type": "string", "minLength": 1},
    },
}


def run(
    data: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``wacli ARGS`` with its default store under ``data`` and no WACLI_* of ours."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WACLI_")}
    return subprocess.run(
        [sys.executable, "-m", "wacli", *args],
        capture_output=True,
        text=True,
        env={**clean, "XDG_DATA_HOME": str(data), **(env or {})},
    )


def listed(data: Path, *args: str, env: dict[str, str] | None = None) -> list[dict]:
    result = run(data, *args, "accounts", "--json", env=env)
    assert result.returncode == 0, result.stderr
    rows = [orjson.loads(line) for line in result.stdout.splitlines()]
    for row in rows:
        jsonschema.validate(row, ROW_SCHEMA)
    return rows


def usage_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr


def paired_store(directory: Path, jid: str, lid: str | None, name: str | None) -> None:
    account = made_up_account(jid, lid, name)._replace(paired_at=T0)
    with Store(directory) as store:
        store.save_account(account)


def archived(directory: Path, text: str) -> None:
    with Store(directory) as store:
        archive = Archive(store)
        archive.add_message(
            ArchivedMessage(
                chat=ALICE,
                id="M1",
                sender=ALICE,
                from_me=False,
                timestamp=T0,
                type="text",
                text=text,
            )
        )
        archive.upsert_chat(ALICE, last_message_at=T0, name=f"chat of {text}")


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_account_selects_its_own_store(data: Path) -> None:
    work = data / "wacli" / "accounts" / "work"
    result = run(data, "--account", "work", "whoami")
    assert result.returncode == ExitCode.NOT_PAIRED
    assert result.stderr.count("\n") == 1 and "not paired" in result.stderr
    assert not data.exists()  # reading commands create nothing

    archived(data / "wacli", "default's")
    archived(work, "work's")
    paired_store(work, "15550001111:4@s.whatsapp.net", None, "Work")

    history = run(data, "--account", "work", "history", "--json")
    assert history.returncode == 0, history.stderr
    assert [orjson.loads(line)["text"] for line in history.stdout.splitlines()] == ["work's"]
    chats = run(data, "chats", "--json", env={"WACLI_ACCOUNT": "work"})
    assert [orjson.loads(line)["name"] for line in chats.stdout.splitlines()] == ["chat of work's"]
    plain = run(data, "history", "--json")
    assert [orjson.loads(line)["text"] for line in plain.stdout.splitlines()] == ["default's"]
    whoami = run(data, "--account", "work", "whoami", "--json")
    assert whoami.returncode == 0, whoami.stderr
    assert orjson.loads(whoami.stdout)["jid"] == "15550001111:4@s.whatsapp.net"
    assert run(data, "whoami").returncode == ExitCode.NOT_PAIRED  # the default one is not


@pytest.mark.parametrize(
    "name", ["Work", "-work", "_x", "", "a" * 33, "a/b", "..", "a.b", "wörk", "a b"]
)
def test_bad_names_exit_2(data: Path, name: str) -> None:
    usage_error(run(data, "--account", name, "whoami"), "account name")
    if name:  # an empty variable counts as unset, as for every WACLI_* variable
        usage_error(run(data, "whoami", env={"WACLI_ACCOUNT": name}), "account name")
    assert not data.exists()


def test_longest_and_odd_good_names(data: Path) -> None:
    for name in ("a" * 32, "0", "x_-9"):
        result = run(data, "--account", name, "whoami")
        assert result.returncode == ExitCode.NOT_PAIRED, result.stderr


def test_store_and_account_together(data: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    archived(other, "other's")
    archived(data / "wacli" / "accounts" / "work", "work's")
    usage_error(run(data, "--store", str(other), "--account", "work", "history"), "--store")
    both_env = {"WACLI_STORE": str(other), "WACLI_ACCOUNT": "work"}
    usage_error(run(data, "history", env=both_env), "WACLI_STORE")

    def texts(*args: str, env: dict[str, str]) -> list[str]:
        result = run(data, *args, "history", "--json", env=env)
        assert result.returncode == 0, result.stderr
        return [orjson.loads(line)["text"] for line in result.stdout.splitlines()]

    # An option typed on the command line beats the other one's variable.
    assert texts("--store", str(other), env={"WACLI_ACCOUNT": "work"}) == ["other's"]
    assert texts("--account", "work", env={"WACLI_STORE": str(other)}) == ["work's"]


def test_accounts_lists_default_and_named_ones(data: Path) -> None:
    base = data / "wacli"
    paired_store(base, "15550000001:2@s.whatsapp.net", "111111111111111@lid", "Home")
    paired_store(base / "accounts" / "work", "15550000002:5@s.whatsapp.net", None, None)
    archived(base / "accounts" / "spare", "never paired")
    (base / "accounts" / "empty").mkdir()  # no store in it: not an account
    (base / "accounts" / "Not-A-Name").mkdir()
    archived(base / "accounts" / "Not-A-Name", "ignored")
    before = tree(data)

    rows = listed(data)
    assert [row["name"] for row in rows] == ["default", "spare", "work"]
    assert rows[0] == {
        "name": "default",
        "store": str(base),
        "current": True,
        "paired": True,
        "jid": "15550000001:2@s.whatsapp.net",
        "lid": "111111111111111@lid",
        "push_name": "Home",
        "paired_at": "2026-11-25T09:46:40Z",
    }
    assert rows[1] == {
        "name": "spare",
        "store": str(base / "accounts" / "spare"),
        "current": False,
        "paired": False,
        "jid": None,
        "lid": None,
        "push_name": None,
        "paired_at": None,
    }
    assert rows[2]["paired"] is True and rows[2]["jid"] == "15550000002:5@s.whatsapp.net"
    assert [row["current"] for row in listed(data, "--account", "work")] == [False, False, True]

    text = run(data, "accounts")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("* default  ") and "15550000001:2@s.whatsapp.net" in lines[0]
    assert "'Home'" in lines[0] and "2026-11-25T09:46:40Z" in lines[0]
    assert lines[1].startswith("  spare  ") and lines[1].endswith("not paired")
    assert lines[2].startswith("  work  ") and "15550000002:5@s.whatsapp.net" in lines[2]
    assert tree(data) == before  # listing created nothing


def test_nothing_anywhere_lists_an_unpaired_default_and_creates_nothing(data: Path) -> None:
    rows = listed(data)
    assert rows == [
        {
            "name": "default",
            "store": str(data / "wacli"),
            "current": True,
            "paired": False,
            "jid": None,
            "lid": None,
            "push_name": None,
            "paired_at": None,
        }
    ]
    assert not data.exists()


def test_an_unreadable_store_is_listed_with_its_error(data: Path) -> None:
    base = data / "wacli"
    paired_store(base / "accounts" / "good", "15550000003:1@s.whatsapp.net", None, None)
    broken = base / "accounts" / "broken"
    broken.mkdir(parents=True)
    (broken / DB_NAME).write_bytes(b"this is not an SQLite database" * 10)
    before = tree(data)

    rows = listed(data)
    assert [row["name"] for row in rows] == ["default", "broken", "good"]
    assert rows[1]["paired"] is False and rows[1]["jid"] is None
    assert "not a database" in rows[1]["error"]
    assert "error" not in rows[2] and rows[2]["paired"] is True
    text = run(data, "accounts")
    assert text.returncode == 0, text.stderr
    assert "  broken  " in text.stdout and "error: " in text.stdout
    assert tree(data) == before
    # and a command on it fails the ordinary way, in one line
    result = run(data, "--account", "broken", "whoami")
    assert result.returncode == ExitCode.STORE and result.stderr.count("\n") == 1
    assert str(broken / DB_NAME) in result.stderr


def _script(tmp_path: Path, shell: str) -> Path:
    """The script `wacli completion SHELL` prints now (completions/ is regenerated apart)."""
    result = run(tmp_path / "unused", "completion", shell)
    assert result.returncode == 0, result.stderr
    path = tmp_path / f"wacli.{shell}"
    path.write_text(result.stdout)
    return path


def _with_accounts(data: Path) -> dict[str, str]:
    base = data / "wacli" / "accounts"
    archived(base / "work", "w")
    archived(base / "wife", "w")
    (base / "without-store").mkdir()
    return {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(data / "nohome")}


def test_bash_completes_account_names(data: Path, tmp_path: Path) -> None:
    script = _script(tmp_path, "bash")

    def complete(env: dict[str, str], *words: str) -> list[str]:
        quoted = " ".join("'" + w + "'" for w in words)
        program = (
            f"source '{script}'; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _wacli; "
            'printf "%s\\n" "${COMPREPLY[@]}"'
        )
        out = subprocess.run(
            ["bash", "-c", program], capture_output=True, text=True, env=env, check=True
        )
        return [line for line in out.stdout.splitlines() if line]

    nothing = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(data / "nohome")}
    assert complete(nothing, "wacli", "--account", "") == []
    env = _with_accounts(data)
    assert complete(env, "wacli", "--account", "") == ["wife", "work"]
    assert complete(env, "wacli", "--account", "wo") == ["work"]
    assert "--json" in complete(env, "wacli", "--account", "work", "accounts", "--")
    assert "remove" in complete(env, "wacli", "accounts", "")
    # without XDG_DATA_HOME the accounts are looked for under ~/.local/share
    home = {**os.environ, "HOME": str(tmp_path / "home")}
    home.pop("XDG_DATA_HOME", None)
    archived(tmp_path / "home" / ".local" / "share" / "wacli" / "accounts" / "home1", "h")
    assert complete(home, "wacli", "--account", "") == ["home1"]


def test_fish_and_zsh_complete_account_names(data: Path, tmp_path: Path) -> None:
    env = _with_accounts(data)
    fish = _script(tmp_path, "fish")
    out = subprocess.run(
        ["fish", "-c", f"source '{fish}'; complete -C 'wacli --account '"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert sorted(line.split("\t")[0] for line in out.stdout.splitlines()) == ["wife", "work"]

    zsh = _script(tmp_path, "zsh")
    assert subprocess.run(["zsh", "-n", str(zsh)], capture_output=True).returncode == 0
    # _wacli with compadd standing in for the completion system: it records what is offered
    program = (
        'compadd() { print -rl -- "$@" }; _describe() { : }; '
        f"source '{zsh}'; words=(wacli --account ''); CURRENT=3; _wacli"
    )
    out = subprocess.run(
        ["zsh", "-f", "-c", program], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["--", "wife", "work"]


def test_the_name_default_is_the_default_store(data: Path) -> None:
    archived(data / "wacli", "default's")
    archived(data / "wacli" / "accounts" / "default", "shadowed")  # never used, never listed
    result = run(data, "--account", "default", "history", "--json")
    assert result.returncode == 0, result.stderr
    assert [orjson.loads(line)["text"] for line in result.stdout.splitlines()] == ["default's"]
    rows = listed(data, "--account", "default")
    assert [(row["name"], row["store"], row["current"]) for row in rows] == [
        ("default", str(data / "wacli"), True)
    ]


def test_remove_deletes_only_that_account(data: Path, tmp_path: Path) -> None:
    base = data / "wacli"
    accounts = base / "accounts"
    paired_store(base, "15550000001:2@s.whatsapp.net", None, None)
    paired_store(accounts / "work", "15550000002:5@s.whatsapp.net", None, None)
    archived(accounts / "spare", "never paired")
    (accounts / "spare" / "media").mkdir()
    (accounts / "spare" / "media" / "file.jpg").write_bytes(b"x")
    (accounts / "broken").mkdir()
    (accounts / "broken" / DB_NAME).write_bytes(b"not a database" * 10)
    outside = tmp_path / "outside"
    archived(outside, "elsewhere")
    (accounts / "link").symlink_to(outside)

    # refused: paired, unreadable, unknown, bad names, the default store
    usage_error(run(data, "accounts", "remove", "work"), "paired", "--force")
    usage_error(run(data, "accounts", "remove", "broken"), "--force")
    usage_error(run(data, "accounts", "remove", "nobody"), "no account")
    usage_error(run(data, "accounts", "remove", "../wacli"), "account name")
    usage_error(run(data, "accounts", "remove", "default", "--force"), "default")
    (accounts / "dangling").symlink_to(tmp_path / "nowhere")
    usage_error(run(data, "accounts", "remove", "dangling"), "no account")
    assert (accounts / "work" / DB_NAME).is_file() and (accounts / "broken").is_dir()
    assert (outside / DB_NAME).is_file()

    # an unpaired store goes without --force, with everything in its directory
    removed = run(data, "accounts", "remove", "spare")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == "" and "removed account spare" in removed.stderr
    assert not (accounts / "spare").exists()
    for name in ("work", "broken"):
        result = run(data, "accounts", "remove", name, "--force")
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in accounts.iterdir()) == ["dangling", "link"]
    # an account that is a symlink: the link goes, what it points to stays
    assert run(data, "accounts", "remove", "link").returncode == 0
    assert not (accounts / "link").exists() and (outside / DB_NAME).is_file()
    assert (base / DB_NAME).is_file()
    assert [row["name"] for row in listed(data)] == ["default"]
