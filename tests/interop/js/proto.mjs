// Baileys' view of WhatsApp's protobuf schema, for the wacli/proto cross-checks:
// - `schema`: field numbers, names, types and enum values as written in
//   Baileys' WAProto.proto (parsed with the full protobufjs);
// - `decode` / `encode`: Baileys' compiled (static) WAProto module turning
//   bytes into plain objects and back. Plain objects use protobufjs'
//   toObject conventions: 64-bit integers as strings, bytes as base64,
//   enums as numbers, only fields present on the wire.
import { createRequire } from "node:module";
import path from "node:path";
import protobuf from "protobufjs";
import { proto } from "@whiskeysockets/baileys/WAProto/index.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

const require = createRequire(import.meta.url);
const baileysDir = path.dirname(require.resolve("@whiskeysockets/baileys/package.json"));
const protoFile = path.join(baileysDir, "WAProto", "WAProto.proto");

let reflected = null;
function reflection() {
  if (!reflected) {
    reflected = new protobuf.Root().loadSync(protoFile, { keepCase: true });
    reflected.resolveAll();
  }
  return reflected;
}

// "Message.ImageMessage" -> the compiled class (or enum object)
function compiled(typePath) {
  let node = proto;
  for (const part of typePath.split(".")) {
    node = node?.[part];
    if (node === undefined) throw new Error(`no ${typePath} in Baileys' WAProto`);
  }
  return node;
}

const TO_OBJECT = { longs: String, enums: Number, bytes: String, defaults: false, arrays: false };

function describe(typePath) {
  const found = reflection().lookup(`proto.${typePath}`);
  if (found instanceof protobuf.Enum) return { kind: "enum", values: { ...found.values } };
  if (!(found instanceof protobuf.Type)) return null;
  const fields = {};
  for (const f of found.fieldsArray) {
    fields[f.id] = {
      name: f.name,
      type: f.resolvedType ? f.resolvedType.fullName.replace(/^\.proto\./, "") : f.type,
      kind: f.resolvedType instanceof protobuf.Enum ? "enum" : f.resolvedType ? "message" : "scalar",
      repeated: f.repeated,
      map: f.map,
      explicitly_packed: Boolean(f.options && f.options.packed === true),
      // proto3 `optional` makes a synthetic one-member oneof named "_field"
      oneof: f.partOf && f.partOf.name !== `_${f.name}` ? f.partOf.name : null,
    };
  }
  return { kind: "message", fields };
}

await serve({
  // {paths: [...]} -> {path: description or null}
  schema: (req) => Object.fromEntries(req.paths.map((p) => [p, describe(p)])),
  // {items: [{type, data}]} -> [object]
  decode: (req) =>
    req.items.map(({ type, data }) => {
      const cls = compiled(type);
      return cls.toObject(cls.decode(fromB64(data)), TO_OBJECT);
    }),
  // {items: [{type, object}]} -> [base64]
  encode: (req) =>
    req.items.map(({ type, object }) => {
      const cls = compiled(type);
      return toB64(cls.encode(cls.fromObject(object)).finish());
    }),
});
