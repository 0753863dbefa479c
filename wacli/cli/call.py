"""`wacli call`: answering call signalling (wacli carries no call media).

wacli call reject FROM CALL_ID    # FROM and CALL_ID as a call_offer event gave them

The reject goes out on a running `wacli listen`'s connection when there is one
(Client.session()); the command ends once the server has acknowledged it.
"""

from __future__ import annotations

from typing import Annotated

import anyio
import typer

from wacli.binary import Node
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.send import recipient
from wacli.cli.session import discard, endpoint, open_store
from wacli.client.calls import MAX_CALL_ID, reject_call
from wacli.client.client import Client
from wacli.client.errors import refused_ack
from wacli.client.send import new_message_id
from wacli.jid import JID, JIDError, parse_jid

call_app = typer.Typer(help="Answer incoming call signalling.", no_args_is_help=True)


async def _reject(client: Client, caller: JID, call_id: str) -> None:
    own = parse_jid(client.require_account().jid)
    async with client.session() as conn:
        ack: Node = await conn.request(reject_call(own, caller, call_id, new_message_id()))
    refused_ack(ack, f"the reject of call {call_id}")


@call_app.command("reject")
def reject(
    ctx: typer.Context,
    caller: Annotated[
        str, typer.Argument(metavar="FROM", help="Who is calling: the call_offer's from.")
    ],
    call_id: Annotated[str, typer.Argument(metavar="CALL_ID", help="The call_offer's call_id.")],
) -> None:
    """Decline an incoming call on every device of this account."""

    options = ctx.obj
    try:
        jid = recipient(caller)
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if not jid.is_user:
        fail(f"{caller!r} is not a user's JID", ExitCode.USAGE)
    if not call_id or len(call_id) > MAX_CALL_ID:
        fail(f"a call id is 1 to {MAX_CALL_ID} characters", ExitCode.USAGE)
    server = endpoint(options)
    store = open_store(options)
    try:
        client = Client(store, server, discard)
        client.require_account()
        anyio.run(_reject, client, jid, call_id, backend="asyncio")
    finally:
        store.close()
