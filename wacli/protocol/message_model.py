"""What a Message is: the one reading of a wacli.e2e.Message that every part of wacli uses.

``classify(message)`` looks through the envelopes a Message may arrive in (disappearing,
view-once, a document sent with a caption, an edit's FutureProof wrapper, the copy our
own phone sends us of what it sent) and tells, of the content inside:

- ``kind``: the archive's type: text, image, video, audio, document, sticker, location,
  contact, poll, poll_update, event, reaction, protocol, or unknown;
- ``text``: what the sender wrote: the text, or the caption of media (the ``text`` of a
  ``message`` event); ``label``: for content without text, the name a person would look
  for (a document's file name, a place, a contact, a poll's question); ``searchable`` is
  the text, else the label, and is what the archive keeps and ``history --search`` finds;
- ``reply_to`` and ``mentions``: the quoted message's stanza id, the mentioned JIDs;
- ``media``: the file a media message carries (kind, MIME type, file name, and where its
  encrypted bytes are, for a download);
- ``change``: whether the message edits, revokes or reacts to another message, and which.

The receive path, sending, history sync, retries and the sandbox's phones all read
Messages through this function, so one message is filed the same way wherever it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

from wacli.proto import e2e_pb2

if TYPE_CHECKING:
    from wacli.protocol.media_message import MediaRef

Action = Literal["edit", "revoke", "reaction"]

# Envelopes whose ``message`` is another Message, looked through in this order.
WRAPPERS: Final = (
    "ephemeral_message",
    "view_once_message",
    "view_once_message_v2",
    "view_once_message_v2_extension",
    "document_with_caption_message",
    "edited_message",
    "device_sent_message",
)
MAX_DEPTH: Final = 8  # envelopes nest one or two deep in practice; deeper is not looked into

# Content fields -> kind, in the order they are tried (a Message sets one of them).
_CONTENT: Final = {
    "image_message": "image",
    "video_message": "video",
    "ptv_message": "video",
    "audio_message": "audio",
    "document_message": "document",
    "sticker_message": "sticker",
    "location_message": "location",
    "live_location_message": "location",
    "contact_message": "contact",
    "contacts_array_message": "contact",
    "poll_creation_message": "poll",
    "poll_creation_message_v2": "poll",
    "poll_creation_message_v3": "poll",
    "poll_creation_message_v5": "poll",
    "poll_update_message": "poll_update",
    "event_message": "event",
}
# Kinds that carry a file (wacli.protocol.media_message).
FILE_KINDS: Final = frozenset({"image", "video", "audio", "document", "sticker"})
# What the sender wrote on a content field, and failing that what names it.
_TEXT_FIELDS: Final = ("caption",)
_LABEL_FIELDS: Final = ("name", "display_name", "file_name", "title")


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class Media(NamedTuple):
    """The file of a media message."""

    kind: str  # image, video, audio, document, sticker
    mimetype: str | None
    file_name: str | None  # documents only
    ref: MediaRef | None  # None when the message lacks the key or path to download it


class Change(NamedTuple):
    """An edit, revoke or reaction, and the message it applies to.

    ``from_me`` and ``participant`` come from the change's MessageKey, so they speak from
    the point of view of whoever sent the change: ``from_me`` means the target is the
    sender's own message; ``participant`` names the target's author in a group otherwise.
    """

    action: Action
    message_id: str
    from_me: bool
    participant: str | None
    emoji: str | None = None  # a reaction's emoji; "" withdraws it
    edited: MessageModel | None = None  # an edit's new content
    timestamp_ms: int | None = None  # when the sender made the change, if it says


class MessageModel(NamedTuple):
    """What ``classify`` tells of a Message (see the module's docstring)."""

    kind: str
    text: str | None
    label: str | None
    reply_to: str | None
    mentions: tuple[str, ...]
    media: Media | None
    change: Change | None
    content: e2e_pb2.Message  # the Message inside its envelopes
    wrappers: tuple[str, ...]  # the envelopes looked through, outermost first

    @property
    def searchable(self) -> str | None:
        """The text, else the label: what the archive keeps and its search finds."""
        return self.text if self.text is not None else self.label

    @property
    def is_content(self) -> bool:
        """Whether the message is content of its own (not a change or a protocol notice)."""
        return self.kind not in ("protocol", "reaction")


def _fields(message: Any) -> set[str]:
    return {field.name for field, _ in message.ListFields()}


def unwrap(message: e2e_pb2.Message) -> tuple[e2e_pb2.Message, tuple[str, ...]]:
    """The Message inside the envelopes, and the names of the envelopes looked through."""
    seen: list[str] = []
    while len(seen) < MAX_DEPTH:
        present = _fields(message)
        wrapper = next((w for w in WRAPPERS if w in present), None)
        if wrapper is None:
            break
        inner = getattr(message, wrapper).message
        if not _fields(inner):
            break
        seen.append(wrapper)
        message = inner
    return message, tuple(seen)


def _string(body: Any, names: tuple[str, ...]) -> str | None:
    """The first of ``names`` the body sets (its value, "" as None)."""
    for name in names:
        if name in body.DESCRIPTOR.fields_by_name and body.HasField(name):
            return getattr(body, name) or None
    return None


def _context(body: Any) -> tuple[str | None, tuple[str, ...]]:
    """(quoted stanza id, mentioned JIDs) of a content field's ContextInfo."""
    if "context_info" not in body.DESCRIPTOR.fields_by_name or not body.HasField("context_info"):
        return None, ()
    info = body.context_info
    return info.stanza_id or None, tuple(info.mentioned_jid)


def _media(field: str, kind: str, body: Any) -> Media | None:
    if kind not in FILE_KINDS:
        return None
    from wacli.protocol.media_message import media_ref  # where a file is: read for files only

    plain = e2e_pb2.Message()
    # A round video note is a VideoMessage under another field: read it as a video.
    getattr(plain, "video_message" if field == "ptv_message" else field).CopyFrom(body)
    return Media(
        kind=kind,
        mimetype=body.mimetype or None,
        file_name=(body.file_name or None) if kind == "document" else None,
        ref=media_ref(plain),
    )


def vcard_name(card: str) -> str | None:
    """The formatted name (FN) of a vCard, None without one."""
    for line in card.splitlines():
        key, _, value = line.partition(":")
        if key.split(";")[0].strip().upper() == "FN" and value.strip():
            return value.strip()
    return None


def _key(key: Any) -> tuple[str, bool, str | None]:
    return key.id, key.from_me, key.participant or None


def _change(content: e2e_pb2.Message, present: set[str]) -> Change | None:
    if "protocol_message" in present:
        protocol = content.protocol_message
        if not protocol.key.id:
            return None
        stamp = protocol.timestamp_ms or None
        if protocol.type == e2e_pb2.ProtocolMessage.REVOKE:
            return Change("revoke", *_key(protocol.key), timestamp_ms=stamp)
        if protocol.type == e2e_pb2.ProtocolMessage.MESSAGE_EDIT and protocol.HasField(
            "edited_message"
        ):
            edited = classify(protocol.edited_message)
            return Change("edit", *_key(protocol.key), edited=edited, timestamp_ms=stamp)
        return None
    if "reaction_message" in present:
        reaction = content.reaction_message
        if not reaction.key.id:
            return None
        stamp = reaction.sender_timestamp_ms or None
        return Change("reaction", *_key(reaction.key), emoji=reaction.text, timestamp_ms=stamp)
    return None


def classify(message: e2e_pb2.Message) -> MessageModel:
    """Read a Message (see the module's docstring); never raises."""
    content, wrappers = unwrap(message)
    present = _fields(content)
    text = label = reply_to = None
    mentions: tuple[str, ...] = ()
    media = None
    if "protocol_message" in present:
        kind = "protocol"
    elif "reaction_message" in present or "enc_reaction_message" in present:
        kind = "reaction"
    elif "conversation" in present:
        kind, text = "text", content.conversation
    elif "extended_text_message" in present:
        body = content.extended_text_message
        kind, text = "text", body.text if body.HasField("text") else None
        reply_to, mentions = _context(body)
    else:
        field = next((f for f in _CONTENT if f in present), None)
        if field is None:
            kind = "unknown"
        else:
            kind, body = _CONTENT[field], getattr(content, field)
            text, label = _string(body, _TEXT_FIELDS), _string(body, _LABEL_FIELDS)
            if field == "contact_message" and label is None:  # Baileys names a card in it
                label = vcard_name(body.vcard)
            reply_to, mentions = _context(body)
            media = _media(field, kind, body)
    if kind == "text" and "document_with_caption_message" in wrappers:
        kind = "document"
    return MessageModel(
        kind=kind,
        text=text,
        label=label,
        reply_to=reply_to,
        mentions=mentions,
        media=media,
        change=_change(content, present),
        content=content,
        wrappers=wrappers,
    )
