"""What `wacli pair` shows: NDJSON on stdout with --json, else drawings and lines on stderr;
and the prekey upload stanza it sends after the first login."""

import io
import json

import anyio
import pytest

from wacli.cli.pair import PairOutput
from wacli.client import events as ev
from wacli.client.prekeys import upload_nodes
from wacli.crypto import generate_key_pair
from wacli.signal.keys import generate_prekeys, generate_signed_prekey

QR = "https://wa.me/settings/linked_devices#2@abc,AAAA,BBBB,CCCC,9"


def show(json_lines: bool, *events: ev.Event) -> tuple[bytes, str, str]:
    out, err, qr = io.BytesIO(), io.StringIO(), io.StringIO()
    sink = PairOutput(json_lines, out, err, qr)

    async def main() -> None:
        for event in events:
            await sink(event)

    anyio.run(main)
    return out.getvalue(), err.getvalue(), qr.getvalue()


def test_json_mode_writes_every_event_as_one_line() -> None:
    out, err, qr = show(True, ev.PairingQrCode(QR, 60), ev.PairingCode("ABCD2345", 180))
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["type"] for line in lines] == ["pairing_qr_code", "pairing_code"]
    assert lines[0]["data"] == {"code": QR, "timeout": 60}
    assert err == "" and qr == ""


def test_human_mode_draws_the_qr_and_formats_the_code() -> None:
    out, err, qr = show(False, ev.PairingQrCode(QR, 20), ev.PairingCode("ABCD2345", 180))
    assert out == b""
    assert "valid for 20 s" in qr
    drawing = [line for line in qr.splitlines() if "\u2580" in line or "\u2584" in line]
    assert len(drawing) > 10  # half-block rows: two QR modules per character cell
    assert "ABCD-2345" in err and "valid for 180 s" in err


@pytest.mark.parametrize("count", [1, 50])
def test_prekey_upload_shape(count: int) -> None:
    identity = generate_key_pair()
    signed = generate_signed_prekey(identity, 0x00ABCD)
    prekeys = generate_prekeys(0xFFFFFE, count)  # wraps past the 24-bit maximum to 1
    nodes = upload_nodes(1234, identity.public, prekeys, signed)
    assert [n.tag for n in nodes] == ["registration", "type", "identity", "list", "skey"]
    assert nodes[0].content == (1234).to_bytes(4, "big") and nodes[1].content == b"\x05"
    keys = nodes[3].children
    assert len(keys) == count
    assert keys[0].require_child("id").content == b"\xff\xff\xfe"
    assert keys[-1].require_child("value").content == prekeys[-1].key_pair.public
    skey = nodes[4]
    assert skey.require_child("id").content == b"\x00\xab\xcd"
    assert skey.require_child("signature").content == signed.signature
