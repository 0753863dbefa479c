// Baileys' message padding (lib/Utils/generics.js): writeRandomPadMax16 / unpadRandomMax16.
import { unpadRandomMax16, writeRandomPadMax16 } from "@whiskeysockets/baileys/lib/Utils/generics.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

await serve({
  pad: (r) => toB64(writeRandomPadMax16(Buffer.from(fromB64(r.data)))),
  unpad: (r) => toB64(unpadRandomMax16(fromB64(r.data))),
});
