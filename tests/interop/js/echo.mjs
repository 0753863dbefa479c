// Smallest interop script: proves the Python<->Node channel itself works.
import { serve, fromB64, toB64 } from "./serve.mjs";

await serve({
  reverse: (req) => toB64(fromB64(req.data).reverse()),
  // Never answers: what a hung script looks like to NodeProcess.call.
  stall: () => new Promise(() => {}),
});
