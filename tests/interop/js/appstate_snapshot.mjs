// App-state snapshots as Baileys reads them: the md-app-state media blob opened with
// Baileys' media keys (getMediaKeys: its own HKDF info table), the SyncdSnapshot
// decoded with decodeSyncdSnapshot (value MACs, LTHash and snapshot MAC checked), and
// the patches after it with decodePatches on top of the state it reached.
import { createHmac } from "node:crypto";
import { decodePatches, decodeSyncdSnapshot } from "@whiskeysockets/baileys/lib/Utils/chat-utils.js";
import { aesDecryptWithIV } from "@whiskeysockets/baileys/lib/Utils/crypto.js";
import { getMediaKeys } from "@whiskeysockets/baileys/lib/Utils/messages-media.js";
import { proto } from "@whiskeysockets/baileys/WAProto/index.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

const plainState = (s) => ({
  version: s.version,
  hash: toB64(s.hash),
  records: Object.keys(s.indexValueMap).length,
});
const keyStore = (keyId, keyData) => async (id) =>
  id === keyId ? { keyData: Buffer.from(fromB64(keyData)) } : undefined;

await serve({
  open_snapshot: async (r) => {
    const warnings = [];
    const logger = { warn: (_o, m) => warnings.push(m), trace: () => {}, debug: () => {} };
    const ref = proto.ExternalBlobReference.decode(fromB64(r.reference));
    const { iv, cipherKey, macKey } = await getMediaKeys(Buffer.from(ref.mediaKey), "md-app-state");
    const blob = Buffer.from(fromB64(r.blob));
    const body = blob.subarray(0, blob.length - 10);
    const mac = createHmac("sha256", macKey).update(iv).update(body).digest().subarray(0, 10);
    if (!mac.equals(blob.subarray(blob.length - 10))) throw new Error("media MAC mismatch");
    const snapshot = proto.SyncdSnapshot.decode(aesDecryptWithIV(body, cipherKey, iv));
    const keys = keyStore(r.key_id, r.key);
    const { state, mutationMap } = await decodeSyncdSnapshot(r.name, snapshot, keys, undefined, true, logger);
    const indexes = Object.values(mutationMap).map((m) => m.index.join("|")).sort();
    const syncds = r.patches.map((p) => proto.SyncdPatch.decode(fromB64(p)));
    const after = await decodePatches(r.name, syncds, state, keys, {}, undefined, logger, true);
    return { snapshot: plainState(state), after: plainState(after.state), indexes, warnings };
  },
});
