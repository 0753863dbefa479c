// libsignal-node (libsignal@6.0.0) parties with in-memory stores, for 1:1 session interop
// and the benchmark. Public keys cross the channel raw (32 bytes); libsignal wants 0x05 ‖ key.
import { createRequire } from "node:module";
import { serve, fromB64, toB64 } from "./serve.mjs";

const require = createRequire(import.meta.url);
const { curve, keyhelper, ProtocolAddress, SessionBuilder, SessionCipher, SessionRecord } =
  require("libsignal");

// libsignal-node logs session events with console.info/warn/error; stdout carries the replies.
for (const level of ["log", "info", "warn", "error", "debug"]) console[level] = () => {};

const buf = (b64) => Buffer.from(fromB64(b64));
const withType = (raw) => Buffer.concat([Buffer.from([5]), raw]);
const raw = (pub) => pub.subarray(1);

class MemoryStore {
  constructor() {
    this.identity = curve.generateKeyPair();
    this.registrationId = keyhelper.generateRegistrationId();
    this.sessions = new Map();
    this.preKeys = new Map();
    this.signedPreKeys = new Map();
    this.nextPreKeyId = 1;
    const signed = keyhelper.generateSignedPreKey(this.identity, 1);
    this.signedPreKeys.set(1, signed);
    this.signedPreKey = signed;
  }
  async getOurIdentity() { return this.identity; }
  async getOurRegistrationId() { return this.registrationId; }
  async isTrustedIdentity() { return true; }  // wacli's trust checks are under test, not these
  // Records are kept serialized, as real users (Baileys) keep them: a failed decryption must
  // not leave the half-advanced in-memory object behind.
  async loadSession(addr) {
    const data = this.sessions.get(addr);
    return data && SessionRecord.deserialize(data);
  }
  async storeSession(addr, record) { this.sessions.set(addr, record.serialize()); }
  async loadPreKey(id) {
    const k = this.preKeys.get(id);
    return k && { pubKey: k.keyPair.pubKey, privKey: k.keyPair.privKey };
  }
  async removePreKey(id) { this.preKeys.delete(id); }
  async loadSignedPreKey(id) {
    const k = this.signedPreKeys.get(id);
    return k && { pubKey: k.keyPair.pubKey, privKey: k.keyPair.privKey };
  }
  bundle(withPreKey) {
    const b = {
      registration_id: this.registrationId,
      identity_key: toB64(raw(this.identity.pubKey)),
      signed_prekey_id: this.signedPreKey.keyId,
      signed_prekey: toB64(raw(this.signedPreKey.keyPair.pubKey)),
      signed_prekey_signature: toB64(this.signedPreKey.signature),
    };
    if (withPreKey) {
      const pk = keyhelper.generatePreKey(this.nextPreKeyId++);
      this.preKeys.set(pk.keyId, pk);
      b.prekey_id = pk.keyId;
      b.prekey = toB64(raw(pk.keyPair.pubKey));
    }
    return b;
  }
}

const parties = new Map();  // "name.device" -> MemoryStore
const party = (addr) => {
  const p = parties.get(addr);
  if (!p) throw new Error(`no party ${addr}`);
  return p;
};

function deviceFromBundle(b) {
  const device = {
    identityKey: withType(buf(b.identity_key)),
    registrationId: b.registration_id,
    signedPreKey: {
      keyId: b.signed_prekey_id,
      publicKey: withType(buf(b.signed_prekey)),
      signature: buf(b.signed_prekey_signature),
    },
  };
  if (b.prekey_id != null) device.preKey = { keyId: b.prekey_id, publicKey: withType(buf(b.prekey)) };
  return device;
}

async function encryptAll(store, peer, plaintexts) {
  const cipher = new SessionCipher(store, ProtocolAddress.from(peer));
  const out = [];
  for (const p of plaintexts) {
    const m = await cipher.encrypt(p);
    out.push({ type: m.type === 3 ? "pkmsg" : "msg", body: m.body });
  }
  return out;
}

async function decryptOne(cipher, m) {
  const body = Buffer.isBuffer(m.body) ? m.body : buf(m.body);
  return m.type === "pkmsg"
    ? await cipher.decryptPreKeyWhisperMessage(body)
    : await cipher.decryptWhisperMessage(body);
}

const perOp = (start, n) => Number(process.hrtime.bigint() - start) / 1000 / n;

await serve({
  // A fresh party (a new identity even if the address existed: an "identity change").
  new_party: (r) => {
    parties.set(r.address, new MemoryStore());
    return party(r.address).bundle(false);
  },
  bundle: (r) => party(r.address).bundle(r.with_prekey),
  // Builds a session from wacli's bundle, first checking its signed prekey's XEdDSA
  // signature explicitly (libsignal-node's builder does not).
  process_bundle: async (r) => {
    const device = deviceFromBundle(r.bundle);
    const valid = curve.verifySignature(
      device.identityKey, device.signedPreKey.publicKey, device.signedPreKey.signature);
    if (!valid) throw new Error("wacli's signed prekey signature does not verify");
    await new SessionBuilder(party(r.address), ProtocolAddress.from(r.peer)).initOutgoing(device);
    return true;
  },
  encrypt: async (r) => {
    const out = await encryptAll(party(r.address), r.peer, r.plaintexts.map(buf));
    return out.map((m) => ({ type: m.type, body: toB64(m.body) }));
  },
  // Each message decrypts independently; failures come back as {error}.
  decrypt: async (r) => {
    const cipher = new SessionCipher(party(r.address), ProtocolAddress.from(r.peer));
    const out = [];
    for (const m of r.messages) {
      try {
        out.push({ plaintext: toB64(await decryptOne(cipher, m)) });
      } catch (err) {
        out.push({ error: `${err.name}: ${err.message}` });
      }
    }
    return out;
  },
  // Per-message timings (microseconds) of libsignal-node talking to itself, in-memory stores.
  bench: async (r) => {
    const n = r.n;
    const plaintext = Buffer.alloc(r.size, 0x61);
    // Session setup: bundle -> X3DH -> first pkmsg -> its decryption, on fresh parties.
    const pairs = [];
    for (let i = 0; i < r.setups; i++) {
      const bob = new MemoryStore();
      pairs.push([new MemoryStore(), bob, deviceFromBundle(bob.bundle(true))]);
    }
    const A = "bench-alice.1";
    const B = "bench-bob.1";
    let start = process.hrtime.bigint();
    for (const [alice, bob, device] of pairs) {
      await new SessionBuilder(alice, ProtocolAddress.from(B)).initOutgoing(device);
      const [first] = await encryptAll(alice, B, [plaintext]);
      await decryptOne(new SessionCipher(bob, ProtocolAddress.from(A)), first);
    }
    const setup = perOp(start, r.setups);
    const [alice, bob] = pairs[0];
    const toAlice = await encryptAll(bob, A, [plaintext]);
    await decryptOne(new SessionCipher(alice, ProtocolAddress.from(B)), toAlice[0]);
    const cipherA = new SessionCipher(alice, ProtocolAddress.from(B));
    const cipherB = new SessionCipher(bob, ProtocolAddress.from(A));
    const messages = [];
    start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) messages.push(await cipherA.encrypt(plaintext));
    const encrypt = perOp(start, n);
    start = process.hrtime.bigint();
    for (const m of messages) await cipherB.decryptWhisperMessage(m.body);
    const decrypt = perOp(start, n);
    return { setup, encrypt, decrypt };
  },
});
