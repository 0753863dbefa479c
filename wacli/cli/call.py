"""`wacli call`: answering call signalling (wacli carries no call media).

wacli call reject FROM CALL_ID    # FROM and CALL_ID as a call_offer event gave them

The reject goes out on a running `wacli listen`'s connection when there is one
(Client.connected()); the command ends once the server has acknowledged it.
"""

from __future__ import annotations

from typing import Annotated

import anyio
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.send import recipient
from wacli.client.calls import MAX_CALL_ID
from wacli.jid import JIDError

call_app = typer.Typer(help="Answer incoming call signalling.", no_args_is_help=True)


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
    with client_for(options) as client:
        anyio.run(client.reject_call, jid, call_id, backend="asyncio")
