"""What the kernel still holds of a process's loopback TCP connections (Linux /proc/net/tcp).

A SIGKILL of a process whose receive buffer is not empty resets its connections, and a
reset may discard what the peer had received but not read yet. So a test that asks the
peer (the sandbox) what a killed process had sent it must first see those bytes read:
nothing left in the process's send queue, nothing in the peer's receive queue.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

ESTABLISHED = "01"


class TcpSocket(NamedTuple):
    local: str  # hex address:port as /proc/net/tcp writes it
    remote: str
    unsent: int  # tx_queue: written, not yet acknowledged by the peer's kernel
    unread: int  # rx_queue: received, not yet read by the owning process
    inode: int


def _table() -> list[TcpSocket]:
    found = []
    for name in ("tcp", "tcp6"):
        try:
            rows = Path("/proc/net", name).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if fields[3] != ESTABLISHED:
                continue
            tx, rx = (int(part, 16) for part in fields[4].split(":"))
            found.append(TcpSocket(fields[1], fields[2], tx, rx, int(fields[9])))
    return found


def _socket_inodes(pid: int) -> set[int]:
    inodes = set()
    fds = Path("/proc", str(pid), "fd")
    for fd in fds.iterdir() if fds.is_dir() else ():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[len("socket:[") : -1]))
    return inodes


def all_read_by_peers(pid: int) -> bool:
    """Whether every byte process ``pid`` wrote to its TCP connections with a peer on this
    host has been read by that peer (its own send queue empty, the peer's receive queue
    empty). False once the process is gone, or if it has no such connection."""
    try:
        own = _socket_inodes(pid)
    except OSError:
        return False
    table = _table()
    by_ends = {(s.local, s.remote): s for s in table}
    mine = [s for s in table if s.inode in own]
    peers = [(s, by_ends.get((s.remote, s.local))) for s in mine]
    local = [(s, peer) for s, peer in peers if peer is not None]
    return bool(local) and all(s.unsent == 0 and peer.unread == 0 for s, peer in local)
