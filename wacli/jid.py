"""WhatsApp addresses (JIDs): one frozen value type for every form, its text form, and phones.

A JID names a user, one device of a user, a group, a broadcast list, a newsletter,
a server, ... as ``user@server`` with optional parts::

    15551234567@s.whatsapp.net          a phone-number user (PN)
    15551234567:12@s.whatsapp.net       device 12 of that user
    15551234567_5:12@s.whatsapp.net     ... with a raw agent byte (rare, legacy)
    123456789012345@lid                 a LID (the privacy-preserving user id)
    123456789012345:3@lid               device 3 of a LID user
    120363012345678901@g.us             a group
    status@broadcast                    the status broadcast; 1234@broadcast a list
    120363098765432101@newsletter       a channel
    15551234567:99@hosted               a hosted (Cloud API) device; @hosted.lid too
    100000000000001:0@msgr              a Messenger user (FB_JID on the wire)
    7-100000000000001:0@interop         an interop user of integrator 7
    867051314767696@bot                 a bot; 1234@call a call
    s.whatsapp.net                      a server alone (user empty)

The text form follows whatsmeow/Baileys: device after ``:``, agent after ``_``, the
integrator of an interop JID before ``-``. On the wire (wacli.binary) device JIDs of
s.whatsapp.net, lid, hosted and hosted.lid travel as AD_JID, whose first byte is the
"domain type" (0, 1, 128, 129) or, for s.whatsapp.net, the raw agent.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NoReturn

DEFAULT_USER_SERVER = "s.whatsapp.net"
LEGACY_USER_SERVER = "c.us"
GROUP_SERVER = "g.us"
BROADCAST_SERVER = "broadcast"
HIDDEN_USER_SERVER = "lid"
LID_SERVER = HIDDEN_USER_SERVER
NEWSLETTER_SERVER = "newsletter"
HOSTED_SERVER = "hosted"
HOSTED_LID_SERVER = "hosted.lid"
MESSENGER_SERVER = "msgr"
INTEROP_SERVER = "interop"
BOT_SERVER = "bot"
CALL_SERVER = "call"

KNOWN_SERVERS = frozenset(
    {
        DEFAULT_USER_SERVER,
        LEGACY_USER_SERVER,
        GROUP_SERVER,
        BROADCAST_SERVER,
        HIDDEN_USER_SERVER,
        NEWSLETTER_SERVER,
        HOSTED_SERVER,
        HOSTED_LID_SERVER,
        MESSENGER_SERVER,
        INTEROP_SERVER,
        BOT_SERVER,
        CALL_SERVER,
    }
)

# AD_JID's first byte for the servers that have one (whatsmeow types.*Domain).
DOMAIN_WHATSAPP = 0
DOMAIN_LID = 1
DOMAIN_HOSTED = 128
DOMAIN_HOSTED_LID = 129
SERVER_DOMAINS = {
    DEFAULT_USER_SERVER: DOMAIN_WHATSAPP,
    HIDDEN_USER_SERVER: DOMAIN_LID,
    HOSTED_SERVER: DOMAIN_HOSTED,
    HOSTED_LID_SERVER: DOMAIN_HOSTED_LID,
}

STATUS_BROADCAST_USER = "status"
# The device number of every hosted (Cloud API) companion.
HOSTED_DEVICE = 99

# E.164 allows at most 15 digits; below 7 no real subscriber number fits.
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15

_BOT_USER = re.compile(r"1313555\d{4}|131655500\d{2}")
_DIGITS = re.compile(r"[0-9]+")


class JIDError(ValueError):
    """A JID or phone number given as text is not valid."""


# A plain class, not a dataclass: a fraction of the cost to define at every start-up, and
# equality and hashing (per message in listen) compare one tuple kept at construction.
# Not a NamedTuple: orjson must call ``default`` for it (its JSON form is ``str(jid)``).
class JID:
    """A WhatsApp address. Immutable and hashable; ``str(jid)`` is its text form."""

    __slots__ = ("_key", "agent", "device", "integrator", "server", "user")

    user: str
    server: str
    device: int
    agent: int
    integrator: int
    _key: tuple[str, str, int, int, int]

    def __init__(
        self, user: str, server: str, device: int = 0, agent: int = 0, integrator: int = 0
    ) -> None:
        init = object.__setattr__
        init(self, "user", user)
        init(self, "server", server)
        init(self, "device", device)
        init(self, "agent", agent)
        init(self, "integrator", integrator)
        init(self, "_key", (user, server, device, agent, integrator))

    # Equal when of the same class with the same fields, hashed over them (as a frozen
    # dataclass would be).
    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key == other._key
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key != other._key
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        from dataclasses import FrozenInstanceError  # what a frozen dataclass raised

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[JID], tuple[str, str, int, int, int]]:
        return JID, self._key  # copy and pickle (__setattr__ refuses their default way)

    def __str__(self) -> str:
        user = self.user
        if not user:
            return self.server
        if self.integrator:
            user = f"{self.integrator}-{user}"
        if self.agent:
            user = f"{user}_{self.agent}"
        if self.device or self.server in _DEVICE_ALWAYS_SHOWN:
            return f"{user}:{self.device}@{self.server}"
        return f"{user}@{self.server}"

    def __repr__(self) -> str:
        return f"JID({str(self)!r})"

    # -- kinds ------------------------------------------------------------------

    @property
    def is_server(self) -> bool:
        """A bare server such as ``s.whatsapp.net`` (no user)."""
        return not self.user

    @property
    def is_pn(self) -> bool:
        return self.server == DEFAULT_USER_SERVER

    @property
    def is_lid(self) -> bool:
        return self.server == HIDDEN_USER_SERVER

    @property
    def is_user(self) -> bool:
        """A person's account (PN or LID, hosted included), any device."""
        return bool(self.user) and self.server in SERVER_DOMAINS

    @property
    def is_group(self) -> bool:
        return self.server == GROUP_SERVER

    @property
    def is_broadcast(self) -> bool:
        """Any @broadcast JID, the status broadcast included."""
        return self.server == BROADCAST_SERVER

    @property
    def is_status_broadcast(self) -> bool:
        return self.server == BROADCAST_SERVER and self.user == STATUS_BROADCAST_USER

    @property
    def is_broadcast_list(self) -> bool:
        return self.server == BROADCAST_SERVER and self.user != STATUS_BROADCAST_USER

    @property
    def is_newsletter(self) -> bool:
        return self.server == NEWSLETTER_SERVER

    @property
    def is_hosted(self) -> bool:
        return self.server in (HOSTED_SERVER, HOSTED_LID_SERVER)

    @property
    def is_messenger(self) -> bool:
        return self.server == MESSENGER_SERVER

    @property
    def is_interop(self) -> bool:
        return self.server == INTEROP_SERVER

    @property
    def is_bot(self) -> bool:
        if self.server == BOT_SERVER:
            return True
        return (
            self.server == DEFAULT_USER_SERVER
            and self.device == 0
            and _BOT_USER.fullmatch(self.user) is not None
        )

    @property
    def is_call(self) -> bool:
        return self.server == CALL_SERVER

    @property
    def is_ad(self) -> bool:
        """Names one device (travels as AD_JID)."""
        return self.device > 0 and self.server in SERVER_DOMAINS

    @property
    def domain_type(self) -> int:
        """AD_JID's first byte: the server's domain type, or the raw agent on s.whatsapp.net."""
        domain = SERVER_DOMAINS.get(self.server)
        if domain is None:
            raise JIDError(f"{self} has no AD_JID domain type")
        return self.agent if domain == DOMAIN_WHATSAPP else domain

    # -- derived JIDs -------------------------------------------------------------

    def to_non_ad(self) -> JID:
        """The account without device and agent (the integrator stays, as in whatsmeow)."""
        if not self.device and not self.agent:
            return self
        return JID(self.user, self.server, integrator=self.integrator)

    @property
    def bare(self) -> JID:
        """Alias of :meth:`to_non_ad`: ``15551234567:3@s.whatsapp.net`` -> ``15551234567@...``."""
        return self.to_non_ad()

    def with_device(self, device: int) -> JID:
        return JID(self.user, self.server, device, self.agent, self.integrator)

    def signal_address(self) -> tuple[str, int]:
        """The Signal protocol address (name, device id) of this device.

        The name is the user, suffixed ``_<domain>`` when the domain type is not 0
        (``123_1`` for a LID), as whatsmeow and Baileys name their sessions.
        """
        domain = self.domain_type
        name = f"{self.user}_{domain}" if domain else self.user
        return name, self.device

    def is_same_user(self, other: JID) -> bool:
        return self.user == other.user and self.server == other.server


# JIDs every client addresses.
SERVER_JID = JID("", DEFAULT_USER_SERVER)
STATUS_BROADCAST_JID = JID(STATUS_BROADCAST_USER, BROADCAST_SERVER)

# Messenger and interop JIDs always carry their device in text (Baileys' form).
_DEVICE_ALWAYS_SHOWN = frozenset({MESSENGER_SERVER, INTEROP_SERVER})


def _number(text: str, what: str, limit: int, jid_text: str) -> int:
    if not _DIGITS.fullmatch(text):
        raise JIDError(f"invalid {what} {text!r} in JID {jid_text!r}: expected digits")
    value = int(text)
    if value > limit:
        raise JIDError(f"{what} {value} in JID {jid_text!r} is out of range (max {limit})")
    return value


def parse_jid(text: str) -> JID:
    """Parse the text form of any JID; raises JIDError with the reason when it is not one."""
    if not isinstance(text, str):
        raise JIDError(f"a JID must be text, not {type(text).__name__}")
    return _parse_text(text)


# JIDs are immutable and a stream names the same few over and over (every message's sender,
# chat and our own JID): each text is parsed once. Errors are raised anew, never cached.
@lru_cache(maxsize=4096)
def _parse_text(text: str) -> JID:
    if not text:
        raise JIDError("empty JID")
    if any(ch.isspace() for ch in text):
        raise JIDError(f"JID {text!r} contains whitespace")
    user, sep, server = text.rpartition("@")
    if not sep:
        user, server = "", text
    if "@" in user:
        raise JIDError(f"JID {text!r} has more than one '@'")
    if server not in KNOWN_SERVERS:
        raise JIDError(f"unknown server {server!r} in JID {text!r}")
    if not user:
        return JID("", server)

    device = agent = integrator = 0
    if ":" in user:
        user, _, device_text = user.partition(":")
        limit = 0xFFFF if server in _DEVICE_ALWAYS_SHOWN else 0xFF
        device = _number(device_text, "device", limit, text)
    if server == INTEROP_SERVER and "-" in user:
        integrator_text, _, user = user.partition("-")
        integrator = _number(integrator_text, "integrator", 0xFFFF, text)
    elif "_" in user and server not in (GROUP_SERVER, BROADCAST_SERVER):
        user, _, agent_text = user.rpartition("_")
        agent = _number(agent_text, "agent", 0xFF, text)
        if server != DEFAULT_USER_SERVER:
            raise JIDError(f"JID {text!r}: only @{DEFAULT_USER_SERVER} JIDs carry an agent")
        if agent in (DOMAIN_LID, DOMAIN_HOSTED, DOMAIN_HOSTED_LID):
            raise JIDError(f"JID {text!r}: agent {agent} is reserved for a domain type")
    if not user or any(ch in user for ch in ":_@"):
        raise JIDError(f"invalid user part {user!r} in JID {text!r}")
    return JID(user, server, device, agent, integrator)


def _not_digits(bad: list[str], typed: str) -> str:
    """Which characters of a mostly numeric entry are no digits, in words; nothing when no
    character is a digit (then it was not meant as a number at all)."""
    if not any("0" <= ch <= "9" for ch in typed):
        return ""
    shown = [repr(ch) for ch in bad]
    if len(shown) == 1:
        return f" ({shown[0]} is not a digit)"
    return f" ({', '.join(shown[:-1])} and {shown[-1]} are not digits)"


def phone_to_jid(text: str) -> JID:
    """A phone number as people type it -> the user JID ``<digits>@s.whatsapp.net``.

    Spaces, dashes, dots, parentheses and one leading ``+`` (or ``00``) are dropped;
    what remains must be 7 to 15 digits (E.164, country code included).
    """
    if not isinstance(text, str):
        raise JIDError(f"a phone number must be text, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise JIDError("empty phone number")
    body = stripped[1:] if stripped.startswith("+") else stripped
    digits = "".join(ch for ch in body if ch not in " \t-.()/")
    if not digits:
        raise JIDError(f"phone number {text!r} has no digits")
    bad = sorted({ch for ch in digits if not ("0" <= ch <= "9")})
    if bad:
        raise JIDError(
            f"{text!r} is not a phone number{_not_digits(bad, digits)}: use digits with the "
            "country code and an optional leading +, e.g. +15551234567"
        )
    if not stripped.startswith("+") and digits.startswith("00"):
        digits = digits[2:]  # the international call prefix, as in 0044 ...
    if len(digits) < MIN_PHONE_DIGITS:
        raise JIDError(
            f"phone number {text!r} is too short ({len(digits)} digits; "
            f"at least {MIN_PHONE_DIGITS} with the country code)"
        )
    if len(digits) > MAX_PHONE_DIGITS:
        raise JIDError(
            f"phone number {text!r} is too long ({len(digits)} digits; "
            f"E.164 allows at most {MAX_PHONE_DIGITS})"
        )
    if digits[0] == "0":
        raise JIDError(
            f"phone number {text!r} starts with 0: give it in international form "
            "with the country code, e.g. +44 20 7946 0000"
        )
    return JID(digits, DEFAULT_USER_SERVER)


def to_jid(value: str | JID) -> JID:
    """Accept a JID or its text; a bare phone number is read as a PN user."""
    if isinstance(value, JID):
        return value
    if isinstance(value, str) and "@" not in value and value not in KNOWN_SERVERS:
        return phone_to_jid(value)
    return parse_jid(value)
