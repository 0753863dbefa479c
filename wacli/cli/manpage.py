"""The wacli(1) man page, rendered from the command tree.

`python -m wacli.cli.manpage > man/wacli.1` regenerates the shipped page; a
test keeps it in step with the commands.
"""

from __future__ import annotations

from wacli import __version__
from wacli.cli.commandtree import CommandInfo, OptionInfo, command_tree
from wacli.cli.exit_codes import MEANING

ENVIRONMENT = [
    ("WACLI_STORE", "The store directory (as --store)."),
    ("WACLI_SERVER", "The server's WebSocket URL (as --server)."),
    ("WACLI_NOISE_ROOT", "The Noise certificate root key, hex (as --noise-root)."),
    ("WACLI_LOG", "debug turns on debug logs on stderr (as --verbose)."),
    (
        "WACLI_WA_VERSION",
        "The WhatsApp Web version to announce (2.3000.N); no look-up overrides it.",
    ),
    (
        "WACLI_VERSION_URL",
        "Where to look up the current WhatsApp Web version after the server refused ours as "
        "outdated (405, client_outdated; default https://web.whatsapp.com/sw.js). The version "
        "found is kept in the store and the login retried once; exit 6 if that fails.",
    ),
    (
        "WACLI_TIMEOUT",
        "Seconds to wait for the server at each step (default 20 to connect, 30 a request); "
        "a command going through a running listen waits no longer for it at each step.",
    ),
    (
        "WACLI_MEDIA_CA",
        "A CA file (PEM) the media server's certificate must chain to (as --media-ca).",
    ),
    (
        "WACLI_BACKFILL_TIMEOUT",
        "Seconds history backfill waits for the phone's answer (default 60).",
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY",
        "An http://[user:password@]host[:port] proxy to tunnel through (CONNECT): HTTPS_PROXY "
        "for wss:// chat and https:// media, HTTP_PROXY for a ws:// server, ALL_PROXY for "
        "either when unset; lower-case spellings win. Other kinds of proxy are refused (exit 4).",
    ),
    (
        "NO_PROXY",
        "Comma-separated hosts and domains reached without the proxy (* for all; a domain "
        "covers its subdomains; an entry may carry :port).",
    ),
    ("XDG_DATA_HOME", "The default store is $XDG_DATA_HOME/wacli."),
]

PRIVACY_TOKENS = [
    "WhatsApp refuses a 1:1 message that lacks the contact's privacy token (ack error 463).",
    "wacli keeps the tokens contacts hand out when they write (privacy_token notifications,",
    "taken in by every command), those of the phone's history sync (run wacli listen once",
    "after pairing) and those its own issuance brings back. A 1:1 message carries the",
    "contact's valid token, or the cstoken fallback; after a send wacli issues its own",
    "token to the contact, at most once a week. A send refused with 463 exits 6 with one",
    "line, issues our token to that contact and is not resent; through a running listen it",
    "is also a message_refused event. The server's A/B props, which steer this, are fetched",
    "at login once a day.",
]

EXAMPLES = [
    ("Link this machine with a code typed on the phone:", "wacli pair --phone +15551234567"),
    ("Send a message from cron:", "echo 'backup done' | wacli send +15551234567"),
    (
        "Print the text of every incoming message:",
        "wacli listen --type message | jq -r '.data.text // empty'",
    ),
]


def _escape(text: str) -> str:
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + escaped if escaped.startswith((".", "'")) else escaped


def _option(opt: OptionInfo) -> list[str]:
    names = ", ".join(f"\\fB{_escape(n)}\\fR" for n in opt.names)
    if opt.takes_value:
        names += f" \\fI{_escape(opt.metavar)}\\fR"
    lines = [".TP", names, _escape(opt.help or "")]
    if opt.envvar:
        lines[-1] += f" Environment: \\fB{_escape(opt.envvar)}\\fR."
    return lines


def _command(cmd: CommandInfo) -> list[str]:
    usage = " ".join(cmd.path)
    args = " ".join(a.name if a.required else f"[{a.name}]" for a in cmd.arguments)
    lines = [".SS " + _escape(f"wacli {usage} [OPTIONS] {args}".strip()), _escape(cmd.help)]
    for arg in cmd.arguments:
        lines += [".TP", f"\\fI{_escape(arg.name)}\\fR", _escape(arg.help)]
    for opt in cmd.options:
        if opt.names != ("--help",):
            lines += _option(opt)
    return lines


def render(tree: CommandInfo) -> str:
    lines = [
        f'.TH WACLI 1 "" "wacli {__version__}" "User Commands"',
        ".SH NAME",
        "wacli \\- " + _escape(tree.help),
        ".SH SYNOPSIS",
        ".B wacli",
        "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        "wacli links to a WhatsApp account as a companion device and speaks the WhatsApp Web",
        "multi\\-device protocol itself. All commands share one store. Data goes to",
        "standard output (plain results, JSON documents or NDJSON event lines); everything",
        "meant for people goes to standard error.",
        ".SH GLOBAL OPTIONS",
    ]
    for opt in tree.options:
        lines += _option(opt)
    lines.append(".SH COMMANDS")
    for cmd in tree.walk()[1:]:
        lines += _command(cmd)
    lines.append(".SH PRIVACY TOKENS")
    lines += [_escape(line) for line in PRIVACY_TOKENS]
    lines.append(".SH ENVIRONMENT")
    for name, text in ENVIRONMENT:
        lines += [".TP", f"\\fB{name}\\fR", _escape(text)]
    lines.append(".SH EXIT STATUS")
    for code, text in MEANING.items():
        lines += [".TP", f"\\fB{int(code)}\\fR", _escape(text)]
    lines += [
        ".SH FILES",
        ".TP",
        "\\fI$XDG_DATA_HOME/wacli/\\fR",
        "The store: one SQLite database holding keys, Signal sessions and the message",
        "archive. The directory is created 0700 and its files 0600.",
        ".TP",
        "\\fIrelay.sock\\fR",
        "In the store, while wacli listen runs (0600): the other commands hand it their",
        "stanzas instead of logging in. When the store path is too long for a socket, an",
        "abstract socket named after the user and a hash of the store path (Linux).",
        ".SH EXAMPLES",
    ]
    for text, example in EXAMPLES:
        lines += [_escape(text), ".PP", ".RS", ".nf", _escape(example), ".fi", ".RE", ".PP"]
    lines += [".SH SEE ALSO", "\\fBjq\\fR(1)", ""]
    return "\n".join(lines)


def main() -> None:
    from wacli.cli.app import app

    print(render(command_tree(app)), end="")


if __name__ == "__main__":
    main()
