"""The sandbox: a local WhatsApp-compatible server with simulated phones.

It shares the wire layer, Signal and the store with the client and nothing
else (see tests/unit/test_layering.py).
"""
