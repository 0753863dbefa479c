"""The session state machine, sans I/O: X3DH for both roles, Double Ratchet encrypt/decrypt.

Decryption computes everything first and mutates the state only once the MAC has
verified and the plaintext is out, so a failed or forged message leaves it untouched.
"""

from __future__ import annotations

from wacli.crypto import CryptoError, KeyPair, dh, generate_key_pair
from wacli.signal.aes import cbc_decrypt, cbc_encrypt
from wacli.signal.errors import (
    DuplicateMessageError,
    InvalidKeyError,
    InvalidMessageError,
    NoSessionError,
)
from wacli.signal.keys import PreKeyBundle, verify_prekey_signature
from wacli.signal.ratchet_kdf import (
    message_key_seed,
    message_keys,
    next_chain_key,
    root_step,
    x3dh_secrets,
)
from wacli.signal.state import (
    MAX_FORWARD_JUMP,
    PendingPreKey,
    ReceiverChain,
    SessionState,
)
from wacli.signal.wire import (
    PreKeySignalMessage,
    SignalMessage,
    encode_prekey_message,
    encode_signal_message,
    verify_mac,
)
from wacli.store.records import DeviceIdentity, PreKeyRecord, SignedPreKeyRecord

_X3DH_PAD = b"\xff" * 32


def initiate_session(own: DeviceIdentity, bundle: PreKeyBundle) -> SessionState:
    """Alice's side of X3DH from the peer's prekey bundle (its signature is checked here)."""
    if not verify_prekey_signature(
        bundle.identity_key, bundle.signed_prekey, bundle.signed_prekey_signature
    ):
        raise InvalidKeyError("the bundle's signed prekey signature does not verify")
    base = generate_key_pair()
    try:
        parts = [
            _X3DH_PAD,
            dh(own.identity.private, bundle.signed_prekey),
            dh(base.private, bundle.identity_key),
            dh(base.private, bundle.signed_prekey),
        ]
        if bundle.prekey is not None:
            parts.append(dh(base.private, bundle.prekey))
        root_key, _ = x3dh_secrets(b"".join(parts))
        # Their signed prekey is their first ratchet key; our first sending chain hangs off it.
        ratchet = generate_key_pair()
        root_key, sender_chain_key = root_step(root_key, dh(ratchet.private, bundle.signed_prekey))
    except CryptoError as exc:
        raise InvalidKeyError(f"unusable key in prekey bundle: {exc}") from None
    state = SessionState(
        local_identity=own.identity.public,
        remote_identity=bundle.identity_key,
        root_key=root_key,
        ratchet=ratchet,
        base_key=base.public,
        local_registration_id=own.registration_id,
        remote_registration_id=bundle.registration_id,
    )
    state.sender_chain_key = sender_chain_key
    state.pending = PendingPreKey(bundle.prekey_id, bundle.signed_prekey_id, base.public)
    return state


def respond_session(
    own: DeviceIdentity,
    signed_prekey: SignedPreKeyRecord,
    one_time_prekey: PreKeyRecord | None,
    message: PreKeySignalMessage,
) -> SessionState:
    """Bob's side of X3DH from an incoming PreKeySignalMessage (decrypt its message next)."""
    try:
        parts = [
            _X3DH_PAD,
            dh(signed_prekey.key_pair.private, message.identity_key),
            dh(own.identity.private, message.base_key),
            dh(signed_prekey.key_pair.private, message.base_key),
        ]
        if one_time_prekey is not None:
            parts.append(dh(one_time_prekey.key_pair.private, message.base_key))
    except CryptoError as exc:
        raise InvalidMessageError(f"unusable key in PreKeySignalMessage: {exc}") from None
    root_key, _ = x3dh_secrets(b"".join(parts))
    # No sending chain yet: the first message's ratchet key gives us one (see decrypt).
    return SessionState(
        local_identity=own.identity.public,
        remote_identity=message.identity_key,
        root_key=root_key,
        ratchet=signed_prekey.key_pair,
        base_key=message.base_key,
        local_registration_id=own.registration_id,
        remote_registration_id=message.registration_id,
    )


def encrypt(state: SessionState, plaintext: bytes) -> tuple[bool, bytes]:
    """Encrypt on the sending chain: (is a PreKeySignalMessage, wire bytes)."""
    chain_key = state.sender_chain_key
    if chain_key is None:
        raise NoSessionError("this session has no sending chain yet")
    cipher_key, mac_key, iv = message_keys(message_key_seed(chain_key))
    body = encode_signal_message(
        mac_key=mac_key,
        sender_identity=state.local_identity,
        receiver_identity=state.remote_identity,
        ratchet_key=state.ratchet.public,
        counter=state.sender_index,
        previous_counter=state.previous_counter,
        ciphertext=cbc_encrypt(cipher_key, iv, plaintext),
    )
    state.sender_chain_key = next_chain_key(chain_key)
    state.sender_index += 1
    pending = state.pending
    if pending is None:
        return False, body
    return True, encode_prekey_message(
        registration_id=state.local_registration_id,
        prekey_id=pending.prekey_id,
        signed_prekey_id=pending.signed_prekey_id,
        base_key=pending.base_key,
        identity_key=state.local_identity,
        message=body,
    )


def decrypt(state: SessionState, message: SignalMessage) -> bytes:
    """Decrypt with this state, advancing it only if the message is authentic."""
    chain = state.receiver_chain(message.ratchet_key)
    step: tuple[bytes, KeyPair, bytes] | None = None
    if chain is None:
        # A new ratchet key from them: a DH ratchet step (computed now, applied on success).
        try:
            root_key, chain_key = root_step(
                state.root_key, dh(state.ratchet.private, message.ratchet_key)
            )
            new_ratchet = generate_key_pair()
            root_key, sender_chain_key = root_step(
                root_key, dh(new_ratchet.private, message.ratchet_key)
            )
        except CryptoError as exc:
            raise InvalidMessageError(f"unusable ratchet key: {exc}") from None
        step = (root_key, new_ratchet, sender_chain_key)
        index = 0
    else:
        chain_key, index = chain.chain_key, chain.index

    counter = message.counter
    skipped_keys: list[tuple[int, bytes]] = []
    if counter < index:
        assert chain is not None  # a new chain starts at 0
        seed = chain.skipped.get(counter)
        if seed is None:
            raise DuplicateMessageError(
                f"message {counter} on this chain was already received (chain is at {index})"
            )
    else:
        if counter - index > MAX_FORWARD_JUMP:
            raise InvalidMessageError(
                f"message {counter} is over {MAX_FORWARD_JUMP} messages ahead "
                f"of its chain ({index})"
            )
        for skipped_index in range(index, counter):
            skipped_keys.append((skipped_index, message_key_seed(chain_key)))
            chain_key = next_chain_key(chain_key)
        seed = message_key_seed(chain_key)
        chain_key = next_chain_key(chain_key)

    cipher_key, mac_key, iv = message_keys(seed)
    if not verify_mac(message, mac_key, state.remote_identity, state.local_identity):
        raise InvalidMessageError("bad MAC")
    plaintext = cbc_decrypt(cipher_key, iv, message.ciphertext)

    # Authentic: apply.
    if step is not None:
        root_key, new_ratchet, sender_chain_key = step
        chain = ReceiverChain(message.ratchet_key, chain_key, counter + 1)
        if skipped_keys:
            chain.add_skipped(skipped_keys)
        state.add_receiver_chain(chain)
        state.previous_counter = max(state.sender_index, 1) - 1 if state.sender_chain_key else 0
        state.root_key = root_key
        state.ratchet = new_ratchet
        state.sender_chain_key = sender_chain_key
        state.sender_index = 0
    else:
        assert chain is not None
        if counter < index:
            del chain.skipped[counter]
        else:
            if skipped_keys:
                chain.add_skipped(skipped_keys)
            chain.chain_key = chain_key
            chain.index = counter + 1
    state.pending = None
    return plaintext
