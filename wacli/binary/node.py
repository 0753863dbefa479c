"""The node: WhatsApp's XML-like stanza (tag, attributes, content) and its typed accessors."""

from __future__ import annotations

from typing import TypeVar, overload

from wacli.binary.errors import NodeError
from wacli.jid import JID, JIDError, parse_jid

# Attribute values are text or JIDs (decode gives a JID for every JID-tagged value);
# encode also skips attributes whose value is None, so optional ones can stay inline.
AttrValue = str | JID
Attrs = dict[str, AttrValue | None]
Content = list["Node"] | bytes | None

_MISSING: object = object()
_Default = TypeVar("_Default")


class Node:
    """One stanza: ``Node("iq", {"type": "get", "to": SERVER}, [Node("ping")])``.

    ``content`` is a list of child nodes, raw bytes, or None. A text or token that
    the wire carries in content position decodes to its UTF-8 bytes.
    """

    __slots__ = ("attrs", "content", "tag")

    def __init__(
        self,
        tag: str,
        attrs: Attrs | None = None,
        content: list[Node] | bytes | None = None,
    ) -> None:
        self.tag = tag
        self.attrs = {} if attrs is None else attrs
        self.content = content

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return self.tag == other.tag and self.attrs == other.attrs and self.content == other.content

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dict

    def __repr__(self) -> str:
        attrs = "".join(f" {k}={str(v)!r}" for k, v in self.attrs.items() if v is not None)
        content = self.content
        if content is None:
            return f"<{self.tag}{attrs}/>"
        if isinstance(content, list):
            inner = "".join(repr(child) for child in content)
        else:
            data = bytes(content)
            inner = f"[{len(data)} bytes {data[:16].hex()}{'…' if len(data) > 16 else ''}]"
        return f"<{self.tag}{attrs}>{inner}</{self.tag}>"

    # -- children -------------------------------------------------------------------

    @property
    def children(self) -> list[Node]:
        """The child nodes (empty when the content is bytes or absent)."""
        content = self.content
        return content if isinstance(content, list) else []

    def child(self, tag: str) -> Node | None:
        """The first child with this tag, or None."""
        content = self.content
        if isinstance(content, list):
            for node in content:
                if node.tag == tag:
                    return node
        return None

    def require_child(self, tag: str) -> Node:
        node = self.child(tag)
        if node is None:
            raise NodeError(f"<{self.tag}> has no <{tag}> child")
        return node

    def children_named(self, tag: str) -> list[Node]:
        return [node for node in self.children if node.tag == tag]

    def content_bytes(self) -> bytes:
        """The content as bytes; NodeError when it is child nodes or absent."""
        content = self.content
        if isinstance(content, bytes | bytearray | memoryview):
            return bytes(content)
        raise NodeError(f"<{self.tag}> has no byte content")

    # -- attributes -----------------------------------------------------------------

    @overload
    def attr(self, key: str) -> str | None: ...
    @overload
    def attr(self, key: str, default: str) -> str: ...
    @overload
    def attr(self, key: str, default: str | None) -> str | None: ...
    def attr(self, key: str, default: str | None = None) -> str | None:
        """The attribute as text (a JID as its text form), or ``default``."""
        value = self.attrs.get(key)
        if value is None:
            return default
        return value if isinstance(value, str) else str(value)

    def require_attr(self, key: str) -> str:
        value = self.attr(key)
        if value is None:
            raise NodeError(f"<{self.tag}> has no {key!r} attribute")
        return value

    @overload
    def attr_int(self, key: str) -> int: ...
    @overload
    def attr_int(self, key: str, default: _Default) -> int | _Default: ...
    def attr_int(self, key: str, default: object = _MISSING) -> object:
        """The attribute as a non-negative decimal integer."""
        value = self.attrs.get(key)
        if value is None:
            return self._default(key, default)
        if not isinstance(value, str) or not value.isascii() or not value.isdigit():
            raise NodeError(f"<{self.tag}> {key}={str(value)!r} is not an integer")
        return int(value)

    @overload
    def attr_bool(self, key: str) -> bool: ...
    @overload
    def attr_bool(self, key: str, default: _Default) -> bool | _Default: ...
    def attr_bool(self, key: str, default: object = _MISSING) -> object:
        value = self.attrs.get(key)
        if value is None:
            return self._default(key, default)
        if value in ("true", "1"):
            return True
        if value in ("false", "0"):
            return False
        raise NodeError(f"<{self.tag}> {key}={str(value)!r} is not a boolean")

    @overload
    def attr_jid(self, key: str) -> JID: ...
    @overload
    def attr_jid(self, key: str, default: _Default) -> JID | _Default: ...
    def attr_jid(self, key: str, default: object = _MISSING) -> object:
        """The attribute as a JID (parsing text when the sender did not use a JID tag)."""
        value = self.attrs.get(key)
        if value is None:
            return self._default(key, default)
        if isinstance(value, JID):
            return value
        try:
            return parse_jid(value)
        except JIDError as exc:
            raise NodeError(f"<{self.tag}> {key}: {exc}") from None

    def _default(self, key: str, default: object) -> object:
        if default is _MISSING:
            raise NodeError(f"<{self.tag}> has no {key!r} attribute")
        return default
