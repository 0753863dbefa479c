"""Protobuf schemas of the WhatsApp Web protocol, in wacli's own .proto sources.

The ``*_pb2.py`` modules beside this file are generated and checked in; after
editing a ``.proto`` run ``python -m wacli.proto.regenerate`` (needs the
``proto`` extra: ``pip install -e '.[proto]'``).
"""
