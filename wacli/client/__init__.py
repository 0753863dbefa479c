"""The client: connection, pairing, sending and receiving, on the wire layer and Signal.

- connection: WebSocket + Noise (XX, IK with the remembered server key), nodes, IQs routed
  by id with timeouts, keepalive, stream errors and failures -> events and typed errors;
- dispatcher: the one place that acknowledges incoming stanzas, after the sink returned;
- router: the default treatment of stanzas; feature handlers go in front of it;
- pairing: QR and pairing-code linking, ADV verification, the account stored atomically;
- client: the entry point of every command: ``Client.pair()``, ``Client.connected()`` (listen's
  connection through its relay, else one login), ``send_text`` and the other commands,
  ``Client.listen()`` (reconnects); wiring: which handlers each use of it runs;
- payload, failures, stanzas, prekeys: the shapes these send and read (pure functions);
- events, errors, backoff: the Event model, the ClientError family, reconnect delays.
"""
