"""The cyclic garbage collector while a command starts.

Start-up creates the objects of some 450 modules (functions, classes, the protobuf
schemas) and none of them is garbage, yet the collector walks the young ones every few
hundred allocations and now and then all of them: ~20 ms of a one-off send
(bench/bench_startup.py). So the program's entry (wacli.cli.app.main) holds it off, and
``started``, called once a command has imported what it runs (wacli.cli.context, as it
makes the command's client; the sandbox, as it starts serving), freezes what start-up
made, which the collector then never walks again (it lives as long as the process), and
turns the collector back on for what comes next: ``listen`` runs for days. A command
that never gets there (``--help``, ``history``) ends with it still off; what little it
leaves in cycles goes at exit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_off() -> Iterator[None]:
    """Around a run of the program; afterwards the collector is on (as it was, for a
    caller that runs ``main`` in its own process)."""
    if not gc.isenabled():  # someone else holds it off: theirs to turn back on
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def started() -> None:
    """Start-up is over: freeze what it made and let the collector run again."""
    if gc.isenabled():  # not held off, or started already
        return
    gc.freeze()
    gc.enable()
