"""The errors of the binary node codec: everything it raises for bad input is a BinaryError."""


class BinaryError(ValueError):
    """Bytes that are not a well-formed node, or a node that cannot be encoded."""


class NodeError(BinaryError):
    """A well-formed node lacks an expected attribute or child, or one has the wrong form."""
