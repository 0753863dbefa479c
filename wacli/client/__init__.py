"""The client: connection, pairing, sending and receiving, on the wire layer and Signal."""
