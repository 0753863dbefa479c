"""The sandbox: a local WhatsApp-compatible server with simulated phones (sandbox.md).

It shares the wire layer, the protocol core, Signal and the store with the
client and nothing else (see tests/unit/test_layering.py). Layout:

- server.py: ``run_sandbox`` starts the WebSocket listener (``/ws/chat``) and the
  admin HTTP listener (http.py), on loopback unless told otherwise;
- state.py: what survives a restart (SQLite in ``--state``): the Noise root and
  static keys, accounts (phone, LID, push name), companion devices (noise key,
  identity, registration id, signed prekey, key index), uploaded prekeys, the
  per-device offline queues, the phones' inboxes, groups and the phones' sender
  key memory;
- hub.py: the shared in-memory side (live connections, issued refs, phones,
  counters, faults) and linking (pair-success, countersignature check, 515);
- connection.py: one task per WebSocket: Noise XX/IK, registration vs login,
  the stanza loop; registration.py: a companion waiting to be linked;
- iq/: one module per IQ namespace (basic, linking, prekeys, usync, settings,
  groups for w:g2), routed by (xmlns, type, first child) in iq/__init__.py;
- groups.py: group membership, admins and subject (kept in state.py) and the w:gp2
  notifications of their changes; group_routing.py: skmsg fan-out of group
  messages to every member device, group receipts, and the phones' side of groups
  (sender keys distributed pairwise, skmsg decrypted into their inboxes, retries);
- routing.py: messages, receipts, acks, presence and chat state between devices
  (fan-out, server acks, offline queues replayed at login until acked), and the
  simulated phones' sending and receiving;
- phone.py: the simulated primary phone (device 0), a Signal endpoint whose
  identity key signs its companions' ADV identities and which encrypts and
  decrypts its own messages;
- stanzas.py: the server's stanzas, shaped as the real server's;
- admin.py: the admin API routes;
- media.py: the https media listener (uploads checked against their token, downloads
  by direct path) and its blob store ``hub.media`` (``put``/``get``/``url``, files in
  ``--state``/media); media_tls.py: its CA and certificate; iq/media.py: media_conn;
  media_phone.py: phones send media and open the files of what they receive.

App state, history sync and media are to slot in as further modules:
stanza handlers in connection._STANZAS, IQ handlers in iq/.
"""
