// whatsapp-rust-bridge's binary node codec (encodeNode / decodeNode), in batches.
//
// Nodes travel as JSON: {tag, attrs: {k: "v"}, content?} where content is a list
// of nodes, {b64: "..."} for bytes (a Uint8Array for the bridge) or {text: "..."}
// for a JS string. Decoded content comes back the same way. A failing item
// answers {error: "..."} in its slot, so one bad case does not hide the others.
import * as bridge from "whatsapp-rust-bridge";
import { serve, fromB64, toB64 } from "./serve.mjs";

function toBridge(node) {
  const out = { tag: node.tag, attrs: node.attrs || {} };
  const c = node.content;
  if (Array.isArray(c)) out.content = c.map(toBridge);
  else if (c && c.b64 !== undefined) out.content = fromB64(c.b64);
  else if (c && c.text !== undefined) out.content = c.text;
  return out;
}

function fromBridge(node) {
  const out = { tag: node.tag, attrs: { ...node.attrs } };
  const c = node.content;
  if (Array.isArray(c)) out.content = c.map(fromBridge);
  else if (c instanceof Uint8Array) out.content = { b64: toB64(c) };
  else if (typeof c === "string") out.content = { text: c };
  return out;
}

function attempt(fn) {
  try {
    return fn();
  } catch (err) {
    return { error: String(err && err.message ? err.message : err) };
  }
}

const encodeOne = (node) => toB64(bridge.encodeNode(toBridge(node)));
const decodeOne = (b64) => fromBridge(bridge.decodeNode(fromB64(b64)));

// Time `fn`: after a warm-up, each round runs it for about `budgetMs`; the best
// round counts. Returns µs per call.
function timeIt(fn, budgetMs, repeat) {
  const warmEnd = performance.now() + budgetMs / 2;
  while (performance.now() < warmEnd) fn();
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < budgetMs) {
      for (let i = 0; i < 16; i++) fn();
      calls += 16;
      now = performance.now();
    }
    best = Math.min(best, ((now - start) * 1000) / calls);
  }
  return best;
}

// Touch everything a decoded node holds, as a consumer reading it would, then
// release the WASM objects (left to the finalizer, they pile up and slow it down).
function materialize(node) {
  const attrs = node.attrs;
  let n = Object.keys(attrs).length;
  const c = node.content;
  if (Array.isArray(c)) for (const child of c) n += materialize(child);
  else if (c !== undefined) n += c.length;
  node.free();
  return n;
}

await serve({
  encode: (req) => req.nodes.map((node) => attempt(() => encodeOne(node))),
  decode: (req) => req.payloads.map((b64) => attempt(() => decodeOne(b64))),
  bench: (req) => {
    const node = toBridge(req.node);
    const payload = bridge.encodeNode(node);
    const { budget_ms: budget, repeat } = req;
    return {
      encode_us: timeIt(() => bridge.encodeNode(node), budget, repeat),
      decode_us: timeIt(() => bridge.decodeNode(payload).free(), budget, repeat),
      decode_full_us: timeIt(() => materialize(bridge.decodeNode(payload)), budget, repeat),
      size: payload.length,
    };
  },
});
