"""How the admin routes read the account a path or body names: a phone number (``+``
allowed) or a user JID (phone number or LID). One reading for every route, so they all
answer alike: 400 for something that is neither, 404 for an account the sandbox lacks."""

from __future__ import annotations

import re

from wacli.jid import JIDError, parse_jid
from wacli.sandbox.http import HttpError
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
