"""The documented exit codes (cli.md); scripts depend on these numbers."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    NOT_PAIRED = 3
    CANNOT_CONNECT = 4
    TIMED_OUT = 5
    REFUSED = 6
