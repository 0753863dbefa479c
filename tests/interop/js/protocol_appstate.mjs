// App-state (syncd) crypto from two independent implementations:
// whatsapp-rust-bridge (the Rust client's key expansion, MACs and LTHash, in
// WASM) and Baileys' chat-utils (encodeSyncdPatch / decodeSyncdMutations, its
// whole record pipeline: AES-CBC value encryption, value/index MACs, LTHash).
import * as bridge from "whatsapp-rust-bridge";
import {
  decodePatches,
  decodeSyncdMutations,
  decodeSyncdSnapshot,
  encodeSyncdPatch,
} from "@whiskeysockets/baileys/lib/Utils/chat-utils.js";
import { proto } from "@whiskeysockets/baileys/WAProto/index.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

const lt = new bridge.LTHashAntiTampering();
const b64map = (arr) => arr.map(fromB64);

// Baileys keeps LTHash state as {version, hash, indexValueMap: {b64 index MAC: {valueMac}}}.
const baileysState = (s) => ({
  version: s.version,
  hash: Buffer.from(fromB64(s.hash)),
  indexValueMap: Object.fromEntries(
    Object.entries(s.macs).map(([k, v]) => [k, { valueMac: Buffer.from(fromB64(v)) }]),
  ),
});
const plainState = (s) => ({
  version: s.version,
  hash: toB64(s.hash),
  macs: Object.fromEntries(Object.entries(s.indexValueMap).map(([k, v]) => [k, toB64(v.valueMac)])),
});
const keyStore = (keyId, keyData) => async (id) =>
  id === keyId ? { keyData: Buffer.from(fromB64(keyData)) } : undefined;

await serve({
  expand: (r) => {
    const k = bridge.expandAppStateKeys(fromB64(r.key));
    return [k.indexKey, k.valueEncryptionKey, k.valueMacKey, k.snapshotMacKey, k.patchMacKey].map(toB64);
  },
  index_mac: (r) => toB64(bridge.generateIndexMac(fromB64(r.index), fromB64(r.key))),
  content_mac: (r) =>
    toB64(bridge.generateContentMac(r.operation, fromB64(r.data), fromB64(r.key_id), fromB64(r.key))),
  snapshot_mac: (r) =>
    toB64(bridge.generateSnapshotMac(fromB64(r.lthash), BigInt(r.version), r.name, fromB64(r.key))),
  patch_mac: (r) =>
    toB64(
      bridge.generatePatchMac(fromB64(r.snapshot_mac), b64map(r.value_macs), BigInt(r.version), r.name, fromB64(r.key)),
    ),
  subtract_then_add: (r) =>
    toB64(lt.subtractThenAdd(fromB64(r.base), b64map(r.subtract), b64map(r.add))),
  // Baileys builds a one-mutation patch from {index, syncAction} with its key and state.
  baileys_encode: async (r) => {
    const { patch, state } = await encodeSyncdPatch(
      { type: r.name, index: r.index, syncAction: r.action, apiVersion: r.api_version, operation: r.operation },
      r.key_id,
      baileysState(r.state),
      keyStore(r.key_id, r.key),
    );
    const m = patch.mutations[0];
    return {
      state: plainState(state),
      patch_mac: toB64(patch.patchMac),
      snapshot_mac: toB64(patch.snapshotMac),
      index_mac: toB64(m.record.index.blob),
      value: toB64(m.record.value.blob),
      patch: toB64(proto.SyncdPatch.encode(patch).finish()),
    };
  },
  // Baileys' patch and snapshot decoding, which logs (not throws) on MAC mismatch:
  // the warnings are returned so the test can require there were none.
  baileys_decode_patches: async (r) => {
    const warnings = [];
    const logger = { warn: (_o, m) => warnings.push(m), trace: () => {}, debug: () => {} };
    const syncds = r.patches.map((p) => proto.SyncdPatch.decode(fromB64(p)));
    const { state, mutationMap } = await decodePatches(
      r.name, syncds, baileysState(r.state), keyStore(r.key_id, r.key), {}, undefined, logger, true,
    );
    return { state: plainState(state), indexes: Object.keys(mutationMap).sort(), warnings };
  },
  baileys_decode_snapshot: async (r) => {
    const warnings = [];
    const logger = { warn: (_o, m) => warnings.push(m) };
    const snapshot = proto.SyncdSnapshot.decode(fromB64(r.snapshot));
    const { state, mutationMap } = await decodeSyncdSnapshot(
      r.name, snapshot, keyStore(r.key_id, r.key), undefined, true, logger,
    );
    return { state: plainState(state), indexes: Object.keys(mutationMap).sort(), warnings };
  },
  // Baileys decodes records wacli sealed (MACs checked) and mixes them into its LTHash.
  baileys_decode: async (r) => {
    const seen = [];
    const mutations = r.mutations.map((m) => ({
      operation: m.operation,
      record: {
        index: { blob: Buffer.from(fromB64(m.index_mac)) },
        value: { blob: Buffer.from(fromB64(m.value)) },
        keyId: { id: Buffer.from(fromB64(r.key_id)) },
      },
    }));
    const state = await decodeSyncdMutations(
      mutations,
      baileysState(r.state),
      keyStore(r.key_id, r.key),
      ({ syncAction, index }) => seen.push({ index, timestamp: String(syncAction.value?.timestamp ?? "") }),
      true,
    );
    return { seen, state: plainState({ version: r.state.version, ...state }) };
  },
});
