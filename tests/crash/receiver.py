"""The process the crash test kills: it decrypts a stream of messages from the real store.

    python -m tests.crash.receiver STORE_DIR PEER_NAME

Input lines: ``msg <seq> <type> <base64 body>``. Each message is decrypted and its
plaintext stored in one transaction; every REPLY_EVERY-th also produces a reply,
kept in an outbox in the same transaction. Output lines: ``reply <seq> <type> <b64>``
(on start for the whole outbox, then as replies are made), ``ready <count>``,
``ack <seq>`` once a message is committed, ``error <seq> <text>`` before exiting 3.
"""

from __future__ import annotations

import base64
import sys

from wacli.signal import CiphertextMessage, MessageType, ProtocolAddress, SessionCipher, SignalError
from wacli.store import MIGRATIONS, Migration, Store

REPLY_EVERY = 7
# The crash test's own tables, added the way every later part of wacli adds its tables.
TEST_MIGRATIONS = [
    *MIGRATIONS,
    Migration(
        MIGRATIONS[-1].version + 1,
        "crash test: received plaintexts and an outbox",
        (
            "CREATE TABLE crash_received (seq INTEGER PRIMARY KEY, plaintext BLOB NOT NULL)",
            "CREATE TABLE crash_outbox (seq INTEGER PRIMARY KEY, type INTEGER, body BLOB)",
        ),
    ),
]


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main(directory: str, peer: str) -> int:
    store = Store(directory, migrations=TEST_MIGRATIONS)
    conn = store._conn
    cipher = SessionCipher(store, ProtocolAddress(peer, 1))
    for seq, kind, body in conn.execute("SELECT seq, type, body FROM crash_outbox ORDER BY seq"):
        say("reply", seq, kind, base64.b64encode(body).decode())
    say("ready", conn.execute("SELECT count(*) FROM crash_received").fetchone()[0])
    for line in sys.stdin:
        _, seq_text, kind, body = line.split()
        seq = int(seq_text)
        known = conn.execute("SELECT 1 FROM crash_received WHERE seq = ?", (seq,)).fetchone()
        reply = None
        if known is None:  # a re-delivery of a committed message is only acknowledged again
            message = CiphertextMessage(MessageType(int(kind)), base64.b64decode(body))
            try:
                with store.transaction():
                    plaintext = cipher.decrypt(message)
                    conn.execute("INSERT INTO crash_received VALUES (?, ?)", (seq, plaintext))
                    if seq % REPLY_EVERY == 0:
                        reply = cipher.encrypt(b"reply to %d" % seq)
                        conn.execute(
                            "INSERT INTO crash_outbox VALUES (?, ?, ?)",
                            (seq, int(reply.type), reply.body),
                        )
            except SignalError as exc:
                say("error", seq, repr(exc).replace("\n", " "))
                return 3
        say("ack", seq)
        if reply is not None:
            say("reply", seq, int(reply.type), base64.b64encode(reply.body).decode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
