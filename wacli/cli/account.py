"""`wacli whoami` (who this store is linked as) and `wacli logout` (unlink it)."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
import typer

from wacli.cli.context import client_for, open_store
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import rfc3339, write_lines
from wacli.jid import parse_jid
from wacli.store.device_tables import AccountRecord


def account_row(account: AccountRecord) -> dict[str, Any]:
    device = parse_jid(account.jid)
    return {
        "jid": account.jid,
        "phone": device.user,
        "lid": account.lid,
        "push_name": account.push_name,
        "platform": account.platform,
        "business_name": account.business_name,
        "paired_at": rfc3339(account.paired_at),
    }


def whoami(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Show which account and device this store is linked as (no network)."""
    store = open_store(ctx.obj, read_only=True)
    try:
        account = store.load_account()
    finally:
        store.close()
    if account is None:
        fail("this store is not paired; run 'wacli pair' first", ExitCode.NOT_PAIRED)
    row = account_row(account)
    if json:
        write_lines([orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)])
        return
    parts = [f"+{row['phone']}", f"device {account.jid}"]
    if account.lid:
        parts.append(f"lid {account.lid}")
    if account.push_name:
        parts.append(f"name {account.push_name!r}")
    parts.append(f"paired {row['paired_at']}")
    write_lines([("  ".join(parts) + "\n").encode()])


def logout(ctx: typer.Context) -> None:
    """Unlink this device from the phone's account and forget it (the archive stays)."""
    import anyio  # whoami, beside it, needs neither the network nor the client

    with client_for(ctx.obj) as client:
        account = client.require_account()
        anyio.run(client.logout, backend="asyncio")
    typer.echo(f"logged out {account.jid}", err=True)
