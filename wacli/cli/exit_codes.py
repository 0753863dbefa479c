"""The documented exit codes (README, man/wacli.1: EXIT STATUS); scripts depend on these numbers."""

from enum import IntEnum
from typing import NoReturn

import typer


class ExitCode(IntEnum):
    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    NOT_PAIRED = 3
    CANNOT_CONNECT = 4
    TIMED_OUT = 5
    REFUSED = 6
    STORE = 7


MEANING = {
    ExitCode.OK: (
        "success; also a message the server accepted whose id stdout could not take (a "
        "warning on stderr says so: do not send it again), and listen once nobody reads "
        "its stdout (wacli listen | head -n1)"
    ),
    ExitCode.UNEXPECTED: "unexpected error (a bug: please report it)",
    ExitCode.USAGE: "usage error: bad option, phone number or JID, text that is not UTF-8",
    ExitCode.NOT_PAIRED: (
        "the store is not paired, or the device was logged out; or the phone has not "
        "shared yet what the command needs (wacli chat: its app-state key; wacli presence "
        "available: the account's push name; wacli listen brings both)"
    ),
    ExitCode.CANNOT_CONNECT: (
        "cannot connect: network, or the server's certificate chain; wacli sandbox serve: "
        "its address or port cannot be listened on (in use)"
    ),
    ExitCode.TIMED_OUT: (
        "timed out waiting for the server, or for a running wacli listen that does not "
        "answer (stopped or hung: the line names its pid), or for another command logged "
        "in on the same store to finish (the line names its pid); a pairing code or QR "
        "code that was not used in time"
    ),
    ExitCode.REFUSED: (
        "refused by the server: a negative ack (463: no privacy token of the contact), "
        "a ban, an outdated client version; an HTTP answer wacli cannot use (an error "
        "status, too large, malformed)"
    ),
    ExitCode.STORE: (
        "the store or a file wacli must write is unusable (permissions, not a directory, "
        "a damaged database): the line names the path and what to do"
    ),
}


def fail(message: str, code: ExitCode) -> NoReturn:
    """End the command with one line on stderr and a documented exit code."""
    typer.echo(f"wacli: {message}", err=True)
    raise typer.Exit(int(code))
