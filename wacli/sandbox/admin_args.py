"""How the admin routes read the account a path or body names: a phone number (``+``
allowed) or a user JID (phone number or LID). One reading for every route, so they all
answer alike: 400 for something that is neither, 404 for an account the sandbox lacks."""

from __future__ import annotations

import re
from typing import Any

from wacli.jid import JID, JIDError, parse_jid, phone_to_jid
from wacli.sandbox.http import HttpError, Request
from wacli.sandbox.hub import Hub
from wacli.sandbox.state import Account

PHONE = re.compile(r"[1-9][0-9]{6,14}")


def phone_digits(text: str) -> str:
    """``text`` as the digits of a phone number; 400 when it is not one."""
    digits = text.removeprefix("+")
    if not PHONE.fullmatch(digits):
        raise HttpError(400, f"{text!r} is not a phone number (7 to 15 digits)")
    return digits


def account_named(hub: Hub, text: str) -> Account:
    """The account ``text`` names, by phone number or JID."""
    if "@" in text:
        try:
            account = hub.account_of(parse_jid(text).to_non_ad())
        except JIDError:
            raise HttpError(400, f"{text!r} is not a JID") from None
    else:
        account = hub.state.account(phone_digits(text))
    if account is None:
        raise HttpError(404, f"no account {text}")
    return account


def body_object(request: Request) -> dict[str, Any]:
    """The request body, which must be a JSON object (400 otherwise)."""
    body = request.json()
    if not isinstance(body, dict):
        raise HttpError(400, "the request body must be a JSON object")
    return body


def chat_jid(value: Any, what: str) -> JID:
    """A user or group JID, or a phone number as its user JID (400 otherwise)."""
    if not isinstance(value, str) or not value:
        raise HttpError(400, f"{what} must be a JID or phone number")
    try:
        jid = parse_jid(value) if "@" in value else phone_to_jid(value)
    except JIDError as exc:
        raise HttpError(400, f"{what} is not a JID or phone number: {exc}") from None
    if not (jid.is_user or jid.is_group):
        raise HttpError(400, f"{what} must be a user or a group")
    return jid.to_non_ad()
