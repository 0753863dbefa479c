// Baileys' own media crypto (lib/Utils/messages-media.js): getMediaKeys,
// encryptedStream (what Baileys uploads) and downloadContentFromMessage (what
// Baileys does with a download: its decipher path, fed over loopback HTTP).
import { readFile, unlink } from "node:fs/promises";
import { createServer } from "node:http";
import {
  downloadContentFromMessage,
  encryptedStream,
  getMediaKeys,
} from "@whiskeysockets/baileys/lib/Utils/messages-media.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

// One loopback server hands out whatever body the current request put up.
let body = Buffer.alloc(0);
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/media`;

await serve({
  keys: async (r) => {
    const k = await getMediaKeys(Buffer.from(fromB64(r.media_key)), r.media_type);
    return { iv: toB64(k.iv), cipher_key: toB64(k.cipherKey), mac_key: toB64(k.macKey) };
  },
  encrypt: async (r) => {
    const out = await encryptedStream(Buffer.from(fromB64(r.data)), r.media_type);
    const enc = await readFile(out.encFilePath);
    await unlink(out.encFilePath);
    return {
      media_key: toB64(out.mediaKey),
      enc: toB64(enc),
      mac: toB64(out.mac),
      file_sha256: toB64(out.fileSha256),
      file_enc_sha256: toB64(out.fileEncSha256),
      file_length: out.fileLength,
    };
  },
  decrypt: async (r) => {
    body = Buffer.from(fromB64(r.enc));
    const stream = await downloadContentFromMessage({ mediaKey: fromB64(r.media_key), url }, r.media_type);
    const parts = [];
    for await (const part of stream) parts.push(part);
    return toB64(Buffer.concat(parts));
  },
});
