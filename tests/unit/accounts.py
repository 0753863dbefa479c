"""A made-up account row for unit tests that need a paired store but no pairing."""

from __future__ import annotations

import os

from wacli.crypto import generate_key_pair
from wacli.store.device_tables import AccountRecord


def made_up_account(
    jid: str, lid: str | None = None, push_name: str | None = None
) -> AccountRecord:
    return AccountRecord(
        jid=jid,
        lid=lid,
        noise_key=generate_key_pair(),
        adv_secret=os.urandom(32),
        account_signature_key=os.urandom(32),
        signed_identity=b"signed-identity",
        key_index=1,
        platform=None,
        business_name=None,
        push_name=push_name,
        server_static=None,
        paired_at=0,
    )
