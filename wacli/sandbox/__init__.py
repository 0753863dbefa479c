"""The sandbox: a local WhatsApp-compatible server with simulated phones (sandbox.md).

It shares the wire layer, the protocol core, Signal and the store with the
client and nothing else (see tests/unit/test_layering.py). Layout:

- server.py: ``run_sandbox`` starts the WebSocket listener (``/ws/chat``) and the
  admin HTTP listener (http.py), on loopback unless told otherwise;
- state.py: what survives a restart (SQLite in ``--state``): the Noise root and
  static keys, accounts (phone, LID, push name), companion devices (noise key,
  identity, registration id, signed prekey, key index) and uploaded prekeys;
- hub.py: the shared in-memory side (live connections, issued refs, phones,
  counters, faults) and linking (pair-success, countersignature check, 515);
- connection.py: one task per WebSocket: Noise XX/IK, registration vs login,
  the stanza loop; registration.py: a companion waiting to be linked;
- iq/: one module per IQ namespace (basic, linking, prekeys, usync, settings),
  routed by (xmlns, type, first child) in iq/__init__.py;
- phone.py: the simulated primary phone (device 0), a Signal endpoint whose
  identity key signs its companions' ADV identities;
- stanzas.py: the server's stanzas, shaped as the real server's;
- admin.py: the admin API routes.

Message routing, receipts, presence, groups, app state and media are to slot in
as further modules: a stanza handler table beside iq/ (connection._dispatch),
per-device queues in state.py, and the phones' send/receive in phone.py.
"""
