"""wacli's sender keys (wacli.signal.group) against independent group ciphers.

Both ``whatsapp-rust-bridge@0.5.4`` (the Rust client's libsignal port, compiled to
WebAssembly) and Baileys' own TypeScript group cipher (``@whiskeysockets/baileys``,
lib/Signal/Group) play the other member. ``libsignal@6.0.0`` has no group support, so it
is not in this module.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import count

import pytest

from bench.node import NodeProcess, b64, unb64
from wacli.crypto import generate_key_pair
from wacli.signal.address import ProtocolAddress
from wacli.signal.group import (
    DuplicateGroupMessageError,
    GroupCipher,
    GroupSessionBuilder,
    InvalidSignatureError,
    NoSenderKeyError,
    SenderKeyDistributionMessage,
    SenderKeyMessage,
    SenderKeyName,
    SenderKeyRecord,
)

pytestmark = pytest.mark.interop

KINDS = ["bridge", "baileys"]
GROUP = "120363000000000000@g.us"
_ids = count()


class DictSenderKeyStore:
    """The SenderKeyStore protocol over a dict."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], bytes] = {}

    def load_sender_key(self, group: str, sender: str) -> bytes | None:
        return self.records.get((group, sender))

    def store_sender_key(self, group: str, sender: str, record: bytes) -> None:
        self.records[(group, sender)] = record


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("group.mjs") as proc:
        yield proc


class NodeMember:
    """One group member on the Node side (its own in-memory sender key store)."""

    def __init__(self, node: NodeProcess, kind: str) -> None:
        self.node = node
        self.kind = kind
        self.party = f"{kind}{next(_ids)}"
        self.address = f"node{next(_ids)}.2"
        node.call("new_party", party=self.party, kind=kind)

    def create(self, group: str = GROUP) -> bytes:
        return unb64(self.node.call("create", party=self.party, group=group, sender=self.address))

    def process(self, sender: str, skdm: bytes, group: str = GROUP) -> None:
        self.node.call("process", party=self.party, group=group, sender=sender, skdm=b64(skdm))

    def encrypt(self, plaintexts: list[bytes], group: str = GROUP) -> list[bytes]:
        out = self.node.call(
            "encrypt",
            party=self.party,
            group=group,
            sender=self.address,
            plaintexts=[b64(p) for p in plaintexts],
        )
        return [unb64(m) for m in out]

    def decrypt(self, sender: str, messages: list[bytes], group: str = GROUP) -> list[dict]:
        return self.node.call(
            "decrypt",
            party=self.party,
            group=group,
            sender=sender,
            messages=[b64(m) for m in messages],
        )

    def name(self, group: str = GROUP) -> SenderKeyName:
        return SenderKeyName(group, ProtocolAddress.parse(self.address))


class WacliMember:
    def __init__(self) -> None:
        self.store = DictSenderKeyStore()
        self.address = ProtocolAddress(f"wacli{next(_ids)}", 1)
        self.own = SenderKeyName(GROUP, self.address)

    @property
    def sender(self) -> str:
        return str(self.address)

    def create(self) -> bytes:
        return GroupSessionBuilder(self.store).create(self.own).serialize()

    def encrypt(self, plaintexts: list[bytes]) -> list[bytes]:
        cipher = GroupCipher(self.store, self.own)
        return [cipher.encrypt(p) for p in plaintexts]

    def process(self, name: SenderKeyName, skdm: bytes) -> None:
        GroupSessionBuilder(self.store).process(name, skdm)

    def cipher(self, name: SenderKeyName) -> GroupCipher:
        return GroupCipher(self.store, name)


def plaintexts(n: int, tag: str = "m") -> list[bytes]:
    # Sizes straddle the AES block boundaries (0, 15, 16, 17, ...) and go up to a few KiB.
    rng = random.Random(n)
    return [
        f"{tag}{i}:".encode() + bytes(rng.choice((0, 1, 15, 16, 17, 31, 2000))) for i in range(n)
    ]


def plaintexts_of(replies: list[dict]) -> list[bytes]:
    for r in replies:
        assert "plaintext" in r, r
    return [unb64(r["plaintext"]) for r in replies]


@pytest.mark.parametrize("kind", KINDS)
def test_wacli_messages_decrypt_in_node(node: NodeProcess, kind: str) -> None:
    wacli, other = WacliMember(), NodeMember(node, kind)
    other.process(wacli.sender, wacli.create())
    sent = plaintexts(60)
    assert plaintexts_of(other.decrypt(wacli.sender, wacli.encrypt(sent))) == sent


@pytest.mark.parametrize("kind", KINDS)
def test_node_messages_decrypt_in_wacli(node: NodeProcess, kind: str) -> None:
    wacli, other = WacliMember(), NodeMember(node, kind)
    wacli.process(other.name(), other.create())
    sent = plaintexts(60)
    cipher = wacli.cipher(other.name())
    assert [cipher.decrypt(m) for m in other.encrypt(sent)] == sent


def test_distribution_messages_are_byte_identical_in_layout(node: NodeProcess) -> None:
    # The bridge's distribution message parses in wacli and re-serializes to the same bytes.
    skdm = NodeMember(node, "bridge").create()
    parsed = SenderKeyDistributionMessage.parse(skdm)
    assert parsed.serialize() == skdm
    assert skdm[0] == 0x33 and parsed.iteration == 0 and parsed.key_id < 2**31


@pytest.mark.parametrize("kind", KINDS)
def test_out_of_order_both_ways(node: NodeProcess, kind: str) -> None:
    rng = random.Random(7)
    wacli, other = WacliMember(), NodeMember(node, kind)
    other.process(wacli.sender, wacli.create())
    wacli.process(other.name(), other.create())

    sent = plaintexts(200, "w")
    order = list(range(200))
    rng.shuffle(order)
    messages = wacli.encrypt(sent)
    got = plaintexts_of(other.decrypt(wacli.sender, [messages[i] for i in order]))
    assert got == [sent[i] for i in order]

    sent = plaintexts(200, "n")
    messages = other.encrypt(sent)
    rng.shuffle(order)
    cipher = wacli.cipher(other.name())
    assert [cipher.decrypt(messages[i]) for i in order] == [sent[i] for i in order]


# Baileys' cipher rescans and re-serializes (as JSON) its whole skipped-key list on every
# message, so it gets a shorter run; the bridge takes a jump of 1,500 iterations.
SKIP_RUNS = {
    "bridge": ((1601, [0, 3, 4, 10, 1510, 1511, 1600]), (801, [0, 1, 5, 700, 800])),
    "baileys": ((401, [0, 3, 4, 10, 310, 311, 400]), (201, [0, 1, 5, 150, 200])),
}


@pytest.mark.parametrize("kind", KINDS)
def test_skipped_iterations_both_ways(node: NodeProcess, kind: str) -> None:
    # The receiver first sees a sparse subset with a long jump in it; every skipped
    # message arrives later, shuffled, and still decrypts, once.
    wacli, other = WacliMember(), NodeMember(node, kind)
    other.process(wacli.sender, wacli.create())
    wacli.process(other.name(), other.create())
    (n, first), (m, first_back) = SKIP_RUNS[kind]

    sent = plaintexts(n, "w")
    messages = wacli.encrypt(sent)
    later = [i for i in range(n) if i not in first]
    random.Random(1).shuffle(later)
    got = plaintexts_of(other.decrypt(wacli.sender, [messages[i] for i in first + later]))
    assert got == [sent[i] for i in first + later]
    assert "error" in other.decrypt(wacli.sender, [messages[first[-2]]])[0]

    # Baileys' sender leaves gaps itself (it steps its chain twice per message after the
    # first), so there the jump is twice as long in iterations as in messages.
    sent = plaintexts(m, "n")
    messages = other.encrypt(sent)
    later = [i for i in range(m) if i not in first_back]
    random.Random(2).shuffle(later)
    cipher = wacli.cipher(other.name())
    order = first_back + later
    assert [cipher.decrypt(messages[i]) for i in order] == [sent[i] for i in order]
    with pytest.raises(DuplicateGroupMessageError):
        cipher.decrypt(messages[first_back[-2]])


@pytest.mark.parametrize("kind", KINDS)
def test_tampering_is_refused_by_wacli(node: NodeProcess, kind: str) -> None:
    wacli, other = WacliMember(), NodeMember(node, kind)
    wacli.process(other.name(), other.create())
    [message] = other.encrypt([b"authentic"])
    cipher = wacli.cipher(other.name())
    # signature (both ends), last ciphertext byte, the version byte's low nibble
    for position in (-1, -64, -65, 0):
        tampered = bytearray(message)
        tampered[position] ^= 0x01
        with pytest.raises(InvalidSignatureError):
            cipher.decrypt(bytes(tampered))
    # A forgery: the genuine header, a fresh ciphertext, signed by another key.
    genuine = SenderKeyMessage.parse(message)
    forged = SenderKeyMessage.create(
        genuine.key_id, genuine.iteration, bytes(16), generate_key_pair().private
    )
    with pytest.raises(InvalidSignatureError):
        cipher.decrypt(forged.serialized)
    # None of this disturbed the genuine message.
    assert cipher.decrypt(message) == b"authentic"
    with pytest.raises(DuplicateGroupMessageError):
        cipher.decrypt(message)


def test_replays_refused_by_the_bridge(node: NodeProcess) -> None:
    wacli, other = WacliMember(), NodeMember(node, "bridge")
    other.process(wacli.sender, wacli.create())
    messages = wacli.encrypt([b"once", b"twice"])
    replies = other.decrypt(wacli.sender, [messages[1], messages[0], messages[1], messages[0]])
    assert plaintexts_of(replies[:2]) == [b"twice", b"once"]
    assert all("error" in r for r in replies[2:])
    tampered = bytearray(wacli.encrypt([b"third"])[0])
    tampered[-5] ^= 0x80
    [reply] = other.decrypt(wacli.sender, [bytes(tampered)])
    assert "error" in reply


@pytest.mark.parametrize("kind", KINDS)
def test_distribution_mid_chain(node: NodeProcess, kind: str) -> None:
    # A member who joins later gets the key at its current iteration: it reads what
    # follows, not what came before. Either side may be the latecomer.
    wacli, other = WacliMember(), NodeMember(node, kind)
    wacli.create()
    early = wacli.encrypt([b"before you joined"] * 5)
    other.process(wacli.sender, wacli.create())
    late = wacli.encrypt([b"welcome"])
    replies = other.decrypt(wacli.sender, late + early[:1])
    assert plaintexts_of(replies[:1]) == [b"welcome"]
    assert "error" in replies[1]

    other.create()
    early = other.encrypt([b"before"] * 5)
    wacli.process(other.name(), other.create())
    cipher = wacli.cipher(other.name())
    assert cipher.decrypt(other.encrypt([b"after"])[0]) == b"after"
    with pytest.raises(DuplicateGroupMessageError):
        cipher.decrypt(early[0])


@pytest.mark.parametrize("kind", KINDS)
def test_rotated_sender_keys(node: NodeProcess, kind: str) -> None:
    # wacli rotates its key: the Node member reads messages under both keys.
    wacli, other = WacliMember(), NodeMember(node, kind)
    other.process(wacli.sender, wacli.create())
    old = wacli.encrypt([b"old key 1", b"old key 2"])
    other.process(wacli.sender, GroupSessionBuilder(wacli.store).rotate(wacli.own).serialize())
    new = wacli.encrypt([b"new key"])
    got = plaintexts_of(other.decrypt(wacli.sender, [new[0], old[1], old[0]]))
    assert got == [b"new key", b"old key 2", b"old key 1"]

    # The Node member "rotates" by starting over with a fresh store (a new key id and
    # signing key at the same address): wacli keeps both states and reads both.
    first = other.create()
    before = other.encrypt([b"first key"])
    successor = NodeMember(node, kind)
    successor.address = other.address
    second = successor.create()
    after = successor.encrypt([b"second key"])
    wacli.process(other.name(), first)
    wacli.process(other.name(), second)
    cipher = wacli.cipher(other.name())
    assert cipher.decrypt(after[0]) == b"second key"
    assert cipher.decrypt(before[0]) == b"first key"
    unknown = NodeMember(node, kind)
    unknown.address = other.address
    unknown.create()
    with pytest.raises(NoSenderKeyError):
        cipher.decrypt(unknown.encrypt([b"never distributed"])[0])


def test_records_are_interchangeable_with_the_bridge(node: NodeProcess) -> None:
    # wacli stores libsignal's SenderKeyRecordStructure: the bridge reads wacli's records
    # (skipped keys included) and wacli reads the bridge's.
    wacli, bridge = WacliMember(), NodeMember(node, "bridge")
    wacli.process(bridge.name(), bridge.create())
    messages = bridge.encrypt(plaintexts(40))
    cipher = wacli.cipher(bridge.name())
    cipher.decrypt(messages[30])  # leaves 30 skipped keys in the record
    record = wacli.store.records[(GROUP, bridge.address)]
    assert node.call("bridge_record_ok", record=b64(record))

    reader = NodeMember(node, "bridge")
    node.call(
        "put_record", party=reader.party, group=GROUP, sender=bridge.address, record=b64(record)
    )
    wanted = [messages[i] for i in (5, 39, 0, 31)]
    got = plaintexts_of(reader.decrypt(bridge.address, wanted))
    assert got == [plaintexts(40)[i] for i in (5, 39, 0, 31)]

    theirs = unb64(node.call("get_record", party=reader.party, group=GROUP, sender=bridge.address))
    parsed = SenderKeyRecord.parse(theirs)
    assert parsed.current is not None and parsed.current.iteration == 40
    assert parsed.decrypt(messages[7]) == plaintexts(40)[7]
    with pytest.raises(DuplicateGroupMessageError):
        parsed.decrypt(messages[5])
