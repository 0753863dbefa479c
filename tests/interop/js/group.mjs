// Independent sender key (group) parties for wacli's interop tests:
//  - whatsapp-rust-bridge's GroupSessionBuilder / GroupCipher (the Rust client's libsignal
//    port in WebAssembly), each party with an in-memory store of serialized records;
//  - Baileys' own TypeScript group cipher (lib/Signal/Group), the same way.
// A party is named by the test; senders are "name.device"; bytes travel as base64.
import * as bridge from "whatsapp-rust-bridge";
import * as baileysGroup from "@whiskeysockets/baileys/lib/Signal/Group/index.js";
import { BufferJSON } from "@whiskeysockets/baileys/lib/Utils/generics.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

const unsupported = (what) => () => { throw new Error(`group party has no ${what}`); };

// The bridge's SignalStorage: only the sender key methods matter for groups.
class BridgeStore {
  constructor() { this.senderKeys = new Map(); }
  loadSenderKey(keyId) { return this.senderKeys.get(keyId); }
  storeSenderKey(keyId, record) { this.senderKeys.set(keyId, new Uint8Array(record)); }
}
for (const m of ["loadSession", "storeSession", "getOurIdentity", "getOurRegistrationId",
                 "isTrustedIdentity", "loadPreKey", "removePreKey", "loadSignedPreKey"]) {
  BridgeStore.prototype[m] = unsupported(m);
}

// Baileys' SenderKeyStore takes SenderKeyName objects and SenderKeyRecord objects; records
// are kept serialized (JSON, as Baileys' auth state keeps them) so failures leave no trace.
// Written with BufferJSON's replacer: Baileys' own plain JSON.stringify turns the skipped
// keys' seeds into number arrays that its reviver does not turn back into Buffers.
class BaileysStore {
  constructor() { this.senderKeys = new Map(); }
  async loadSenderKey(name) {
    const data = this.senderKeys.get(name.toString());
    return data ? baileysGroup.SenderKeyRecord.deserialize(data)
                : new baileysGroup.SenderKeyRecord();
  }
  async storeSenderKey(name, record) {
    this.senderKeys.set(name.toString(), Buffer.from(JSON.stringify(record.serialize(), BufferJSON.replacer)));
  }
}

const parties = new Map();  // party name -> {kind, store}
const party = (name) => {
  const p = parties.get(name);
  if (!p) throw new Error(`no party ${name}`);
  return p;
};

function bridgeAddress(sender) {
  const dot = sender.lastIndexOf(".");
  return new bridge.ProtocolAddress(sender.slice(0, dot), Number(sender.slice(dot + 1)));
}

function baileysName(group, sender) {
  const dot = sender.lastIndexOf(".");
  const address = { id: sender.slice(0, dot), deviceId: Number(sender.slice(dot + 1)),
                    toString: () => sender };
  return new baileysGroup.SenderKeyName(group, address);
}

const ops = {
  bridge: {
    create: async (store, group, sender) => {
      const builder = new bridge.GroupSessionBuilder(store);
      const name = new bridge.SenderKeyName(group, bridgeAddress(sender));
      return (await builder.create(name)).serialize();
    },
    process: async (store, group, sender, skdm) => {
      const builder = new bridge.GroupSessionBuilder(store);
      const name = new bridge.SenderKeyName(group, bridgeAddress(sender));
      await builder.process(name, bridge.SenderKeyDistributionMessage.deserialize(skdm));
    },
    cipher: (store, group, sender) => new bridge.GroupCipher(store, group, bridgeAddress(sender)),
    recordKey: (group, sender) =>
      new bridge.SenderKeyName(group, bridgeAddress(sender)).toString(),
  },
  baileys: {
    create: async (store, group, sender) => {
      const builder = new baileysGroup.GroupSessionBuilder(store);
      return (await builder.create(baileysName(group, sender))).serialize();
    },
    process: async (store, group, sender, skdm) => {
      const builder = new baileysGroup.GroupSessionBuilder(store);
      const message = new baileysGroup.SenderKeyDistributionMessage(
        null, null, null, null, Buffer.from(skdm));
      await builder.process(baileysName(group, sender), message);
    },
    cipher: (store, group, sender) =>
      new baileysGroup.GroupCipher(store, baileysName(group, sender)),
    recordKey: (group, sender) => baileysName(group, sender).toString(),
  },
};

const impl = (p) => ops[p.kind];

await serve({
  new_party: (r) => {
    if (!ops[r.kind]) throw new Error(`unknown kind ${r.kind}`);
    parties.set(r.party, { kind: r.kind, store: r.kind === "bridge" ? new BridgeStore()
                                                                     : new BaileysStore() });
    return true;
  },
  // Our own sender key's distribution message (a fresh key the first time).
  create: async (r) => {
    const p = party(r.party);
    return toB64(await impl(p).create(p.store, r.group, r.sender));
  },
  process: async (r) => {
    const p = party(r.party);
    await impl(p).process(p.store, r.group, r.sender, fromB64(r.skdm));
    return true;
  },
  encrypt: async (r) => {
    const p = party(r.party);
    const cipher = impl(p).cipher(p.store, r.group, r.sender);
    const out = [];
    // Buffers: Baileys hands them to libsignal-node's crypto, which insists on Buffer.
    for (const t of r.plaintexts) out.push(toB64(await cipher.encrypt(Buffer.from(t, "base64"))));
    return out;
  },
  // Each message decrypts independently; failures come back as {error}.
  decrypt: async (r) => {
    const p = party(r.party);
    const cipher = impl(p).cipher(p.store, r.group, r.sender);
    const out = [];
    for (const m of r.messages) {
      try {
        out.push({ plaintext: toB64(await cipher.decrypt(Buffer.from(m, "base64"))) });
      } catch (err) {
        out.push({ error: String(err && err.message ? err.message : err) });
      }
    }
    return out;
  },
  // The stored record, raw, and a way to put one in (record format compatibility).
  get_record: (r) => {
    const p = party(r.party);
    const data = p.store.senderKeys.get(impl(p).recordKey(r.group, r.sender));
    return data ? toB64(data) : null;
  },
  put_record: (r) => {
    const p = party(r.party);
    p.store.senderKeys.set(impl(p).recordKey(r.group, r.sender), fromB64(r.record));
    return true;
  },
  // Per-message timings (microseconds) of one implementation talking to itself: a sender
  // and a receiver with in-memory stores; the receiver gets the messages in order.
  bench: async (r) => {
    const impl = ops[r.kind];
    const newStore = () => (r.kind === "bridge" ? new BridgeStore() : new BaileysStore());
    const [sender, receiver, shuffledReceiver] = [newStore(), newStore(), newStore()];
    const group = "bench@g.us";
    const address = "bench-sender.1";
    const skdm = await impl.create(sender, group, address);
    await impl.process(receiver, group, address, skdm);
    await impl.process(shuffledReceiver, group, address, skdm);
    const plaintext = Buffer.alloc(r.size, 0x61);
    const out = impl.cipher(sender, group, address);
    const into = impl.cipher(receiver, group, address);
    const messages = [];
    let start = process.hrtime.bigint();
    for (let i = 0; i < r.n; i++) messages.push(await out.encrypt(plaintext));
    const encrypt = Number(process.hrtime.bigint() - start) / 1000 / r.n;
    start = process.hrtime.bigint();
    for (const m of messages) await into.decrypt(m);
    const decrypt = Number(process.hrtime.bigint() - start) / 1000 / r.n;
    for (let i = messages.length - 1; i > 0; i--) {  // Fisher-Yates
      const j = Math.floor(Math.random() * (i + 1));
      [messages[i], messages[j]] = [messages[j], messages[i]];
    }
    const shuffledInto = impl.cipher(shuffledReceiver, group, address);
    start = process.hrtime.bigint();
    for (const m of messages) await shuffledInto.decrypt(m);
    const shuffled = Number(process.hrtime.bigint() - start) / 1000 / r.n;
    return { encrypt, decrypt, shuffled };
  },
  // The bridge's own parser's opinion of a record (it must read wacli's).
  bridge_record_ok: (r) => !bridge.SenderKeyRecord.deserialize(fromB64(r.record)).isEmpty(),
});
