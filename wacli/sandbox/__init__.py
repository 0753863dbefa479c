"""The sandbox: a local WhatsApp-compatible server with simulated phones (docs/sandbox-admin.md).

It shares the wire layer, the protocol core, Signal and the store with the
client and nothing else, and its modules import each other without cycles (see
tests/unit/test_layering.py). Layout, from the bottom up:

- state.py: what survives a restart (SQLite in ``--state``): the Noise root and
  static keys, accounts (phone, LID, push name), companion devices (noise key,
  identity, registration id, signed prekey, key index), uploaded prekeys, the
  per-device offline queues, the phones' inboxes, groups, the phones' sender key
  memory, privacy settings and token issuances; profiles.py: profiles and contacts;
- stanzas.py: the server's stanzas, shaped as the real server's (and ``Outgoing``, a
  stanza with the device it is for);
- phone.py: the simulated primary phone (device 0), a Signal endpoint whose
  identity key signs its companions' ADV identities and which encrypts and
  decrypts its own messages;
- delivery.py: addressing, delivery to one device (queued until acked, replayed at
  login; device 0 goes to the hub's phone), acks, the prekey bundles phones fetch;
- privacy.py: the privacy-token rules (minting and checking tokens, A/B props, the
  tokens and salt in history); it sends nothing and returns the notifications due;
- groups.py: group membership, admins, subject and description, and the w:gp2
  notifications of their changes; group_settings.py: a group's invite code, settings,
  join requests and community links; notify.py: notifications about an account
  (devices, picture, status, business);
- group_routing.py: skmsg fan-out of group messages to every member device, group
  receipts; routing.py: what clients send (1:1 messages with the privacy check,
  receipts, presence, chat state), handing group stanzas to group_routing.py;
- history.py: the phones' history sync (bootstrap for a new companion, on-demand
  chunks); appstate.py: app-state sync and the phone's part in it (sync keys);
  media.py: the https media listener and its blob store ``hub.media``, media_tls.py
  its CA and certificate;
- phone_messages.py: what the phones do with what is delivered to them (decrypt,
  inbox, delivery receipt, retry answer, history requests) and what they send;
  phone_groups.py: the same in groups (sender keys, skmsg); media_phone.py: phones
  send media and open the files they receive. These build on the server's routing,
  never the reverse: delivery reaches a phone only through ``Hub.phone_receives``;
- hub.py: the shared in-memory side (live connections, issued refs, phones,
  counters, faults), linking (pair-success, countersignature check, 515) and the
  dispatch of device 0's stanzas to phone_messages.py;
- iq/: one module per IQ namespace (basic, linking, prekeys, usync, settings with
  the privacy-token issuance, groups for w:g2 with group_invites and communities,
  profile, appstate, media_conn),
  routed by (xmlns, type, first child) in iq/__init__.py;
- connection.py: one task per WebSocket: Noise XX/IK, registration vs login,
  the stanza loop (stanza handlers in connection._STANZAS, IQs to iq/);
  registration.py: a companion waiting to be linked; keepalive.py: the server's pings;
  calls.py: call signalling;
- admin.py (with admin_*.py, calls.py, reinstall.py, retry_faults.py, recorder.py,
  client_version.py): the admin API routes; http.py: the admin HTTP listener;
- server.py: ``run_sandbox`` starts the WebSocket listener (``/ws/chat``), the media
  listener and the admin HTTP listener, on loopback unless told otherwise.
"""
