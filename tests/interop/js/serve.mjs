// Shared NDJSON request loop for the interop scripts: each script passes a
// table of handlers {op: async (request) => result}; bytes travel as base64.
import { createInterface } from "node:readline";

export const fromB64 = (s) => new Uint8Array(Buffer.from(s, "base64"));
export const toB64 = (u) => Buffer.from(u).toString("base64");

export async function serve(handlers) {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let reply;
    try {
      const req = JSON.parse(line);
      const handler = handlers[req.op];
      if (!handler) throw new Error(`unknown op ${req.op}`);
      reply = { result: await handler(req) };
    } catch (err) {
      reply = { error: String(err && err.stack ? err.stack : err) };
    }
    process.stdout.write(JSON.stringify(reply) + "\n");
  }
}
