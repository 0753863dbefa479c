"""The client: connection, pairing, sending and receiving, on the wire layer and Signal.

- connection: what any connection is (the Connection protocol, the endpoint); timing:
  its waits (WACLI_TIMEOUT); direct_connection: our own, WebSocket + Noise (XX, IK with
  the remembered server key), nodes, IQs routed by id with timeouts, keepalive, stream
  errors and failures -> events and typed errors; websocket: the WebSocket under it
  (websockets' sans-I/O protocol on an anyio stream); proxy: the way out to a server,
  straight or through the environment's HTTP proxy (chat and media); relay: listen's
  connection shared with the other commands, a command's side (relay_server: the
  listener's; relay_socket: the address, frames and peer check both use);
- operations: what a command asks for as a value (SendText...), done by
  ``Client.perform`` or, handed over the relay by relay_perform (a blocking socket, no
  client loaded), by a running listen's client;
- dispatcher: the one place that acknowledges incoming stanzas, after the sink returned;
- router: the default treatment of stanzas; feature handlers go in front of it;
- pairing: QR and pairing-code linking, ADV verification, the account stored atomically;
- client: the entry point of every command: ``Client.pair()``, ``Client.connected()`` (listen's
  connection through its relay, else one login), ``send_text`` and the other commands,
  ``Client.listen()`` (reconnects); wiring: which handlers a command's connection runs,
  listen_wiring: every feature of listen; a command imports only the modules it uses;
- payload, failures, stanzas, prekeys: the shapes these send and read (pure functions);
- connection_events, failure_events, events, errors, backoff: the Event model (a
  connection's own events apart, so that a command loads only those, and how one ends
  apart again, loaded when it does), the ClientError family, reconnect delays.
"""
