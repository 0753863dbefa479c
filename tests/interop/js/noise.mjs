// Independent Noise endpoints for wacli's interop tests.
//  - Baileys' own client handshake (makeNoiseHandler, driven as Socket/socket.js does),
//  - whatsapp-rust-bridge's NoiseSession, as a client and as a responder (its
//    symmetric-state primitives run the responder's steps),
//  - certificate chains issued with Baileys' protobufs and the bridge's XEdDSA.
// Sessions live in a table keyed by the id the test chooses; bytes travel as base64.
import { createRequire } from "node:module";
import * as bridge from "whatsapp-rust-bridge";
import { proto } from "@whiskeysockets/baileys/WAProto/index.js";
import { NOISE_WA_HEADER, WA_CERT_DETAILS } from "@whiskeysockets/baileys/lib/Defaults/index.js";
import { Curve } from "@whiskeysockets/baileys/lib/Utils/crypto.js";
import { makeNoiseHandler } from "@whiskeysockets/baileys/lib/Utils/noise-handler.js";
import { encodeBinaryNode } from "@whiskeysockets/baileys/lib/WABinary/index.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

const require = createRequire(import.meta.url);
const { curve } = require("libsignal");
const sessions = new Map();
const quietLogger = {
  level: "silent",
  child: () => quietLogger,
  trace() {}, debug() {}, info() {}, warn() {}, error() {},
};
const HandshakeMessage = proto.HandshakeMessage;
const withPrefix = (pub) => Buffer.concat([Buffer.from([5]), Buffer.from(pub)]);
const frame = (msg) => {
  const out = Buffer.alloc(3 + msg.length);
  out.writeUIntBE(msg.length, 0, 3);
  Buffer.from(msg).copy(out, 3);
  return out;
};
// One frame from a server-bound stream: "WA" header (first message only), length, payload.
const unframe = (wire, withHeader) => {
  let buf = Buffer.from(wire);
  if (withHeader) {
    if (buf.subarray(0, 4).compare(Buffer.from(NOISE_WA_HEADER)) !== 0) throw new Error("no WA header");
    buf = buf.subarray(4);
  }
  const size = buf.readUIntBE(0, 3);
  if (buf.length !== 3 + size) throw new Error(`expected one frame of ${size} bytes`);
  return buf.subarray(3);
};
const nodeJson = (n) => ({
  tag: n.tag,
  attrs: n.attrs,
  content: n.content instanceof Uint8Array ? toB64(n.content) : null,
});

await serve({
  // ---- Baileys as the client -------------------------------------------------
  baileys_client_hello: (r) => {
    const ephemeral = Curve.generateKeyPair();
    const noiseKey = Curve.generateKeyPair();
    const handler = makeNoiseHandler({
      keyPair: ephemeral,
      NOISE_HEADER: NOISE_WA_HEADER,
      logger: quietLogger,
      routingInfo: r.routing_info ? Buffer.from(fromB64(r.routing_info)) : undefined,
    });
    sessions.set(r.id, { handler, noiseKey, rootKey: Buffer.from(fromB64(r.root_key)) });
    const hello = HandshakeMessage.encode({ clientHello: { ephemeral: ephemeral.public } }).finish();
    return { wire: toB64(handler.encodeFrame(hello)), noise_public: toB64(noiseKey.public) };
  },
  baileys_client_finish: async (r) => {
    const s = sessions.get(r.id);
    const frames = [];
    await s.handler.decodeFrame(Buffer.from(fromB64(r.wire)), (f) => frames.push(f));
    if (frames.length !== 1) throw new Error(`expected one ServerHello frame, got ${frames.length}`);
    // Baileys reads the root key from this shared constant when it checks the chain.
    WA_CERT_DETAILS.PUBLIC_KEY = s.rootKey;
    const keyEnc = s.handler.processHandshake(HandshakeMessage.decode(frames[0]), s.noiseKey);
    const payloadEnc = s.handler.encrypt(Buffer.from(fromB64(r.payload)));
    const finish = HandshakeMessage.encode({ clientFinish: { static: keyEnc, payload: payloadEnc } }).finish();
    const wire = s.handler.encodeFrame(finish);
    await s.handler.finishInit();
    return { wire: toB64(wire) };
  },
  baileys_send: (r) => toB64(sessions.get(r.id).handler.encodeFrame(Buffer.from(fromB64(r.data)))),
  baileys_recv: async (r) => {
    const nodes = [];
    await sessions.get(r.id).handler.decodeFrame(Buffer.from(fromB64(r.wire)), (n) => nodes.push(n));
    return nodes.map(nodeJson);
  },
  encode_node: (r) =>
    toB64(encodeBinaryNode({ tag: r.tag, attrs: r.attrs, content: r.content ? Buffer.from(fromB64(r.content)) : undefined })),

  // ---- whatsapp-rust-bridge as the client --------------------------------------
  bridge_client_hello: (r) => {
    const ephemeral = bridge.generateKeyPair();
    const noiseKey = bridge.generateKeyPair();
    const session = new bridge.NoiseSession(ephemeral.pubKey.subarray(1), NOISE_WA_HEADER);
    sessions.set(r.id, { session, ephemeral, noiseKey });
    const hello = HandshakeMessage.encode({ clientHello: { ephemeral: ephemeral.pubKey.subarray(1) } }).finish();
    return { wire: toB64(session.encodeFrameRaw(hello)), noise_public: toB64(noiseKey.pubKey.subarray(1)) };
  },
  bridge_client_finish: (r) => {
    const s = sessions.get(r.id);
    const frames = s.session.decodeFrame(fromB64(r.wire));
    if (frames.length !== 1) throw new Error(`expected one ServerHello frame, got ${frames.length}`);
    const { serverHello } = HandshakeMessage.decode(frames[0]);
    const chain = s.session.processHandshakeInit(
      serverHello.ephemeral, serverHello.static, serverHello.payload, s.ephemeral.privKey,
    );
    const keyEnc = s.session.processHandshakeFinish(
      s.noiseKey.pubKey.subarray(1), s.noiseKey.privKey, serverHello.ephemeral,
    );
    const payloadEnc = s.session.encrypt(fromB64(r.payload));
    const finish = HandshakeMessage.encode({ clientFinish: { static: keyEnc, payload: payloadEnc } }).finish();
    const wire = s.session.encodeFrameRaw(finish);
    s.session.finishInit();
    return { wire: toB64(wire), chain: toB64(chain) };
  },

  // ---- whatsapp-rust-bridge's symmetric state running the responder's steps ---
  bridge_server_hello: (r) => {
    const { clientHello } = HandshakeMessage.decode(unframe(fromB64(r.wire), true));
    const clientEphemeral = Buffer.from(clientHello.ephemeral);
    // The constructor mixes the header, then the key it is given: the client's ephemeral.
    const session = new bridge.NoiseSession(clientEphemeral, NOISE_WA_HEADER);
    const ephemeral = bridge.generateKeyPair();
    session.authenticate(ephemeral.pubKey.subarray(1));
    session.mixIntoKey(bridge.calculateAgreement(withPrefix(clientEphemeral), ephemeral.privKey));
    const staticEnc = session.encrypt(fromB64(r.static_public));
    session.mixIntoKey(bridge.calculateAgreement(withPrefix(clientEphemeral), fromB64(r.static_private)));
    const chainEnc = session.encrypt(fromB64(r.cert_chain));
    sessions.set(r.id, { session, ephemeral });
    const hello = HandshakeMessage.encode({
      serverHello: { ephemeral: ephemeral.pubKey.subarray(1), static: staticEnc, payload: chainEnc },
    }).finish();
    return toB64(frame(hello));
  },
  bridge_server_finish: (r) => {
    const s = sessions.get(r.id);
    const { clientFinish } = HandshakeMessage.decode(unframe(fromB64(r.wire), false));
    const clientStatic = s.session.decrypt(clientFinish.static);
    s.session.mixIntoKey(bridge.calculateAgreement(withPrefix(clientStatic), s.ephemeral.privKey));
    const payload = s.session.decrypt(clientFinish.payload);
    s.session.finishInit();
    return { client_static: toB64(clientStatic), payload: toB64(payload) };
  },
  // After finishInit the bridge's ciphers are initiator-oriented: encrypt uses
  // the first split key (what a client sends with), decrypt the second.
  bridge_encrypt: (r) => toB64(sessions.get(r.id).session.encrypt(fromB64(r.data))),
  bridge_decrypt: (r) => toB64(sessions.get(r.id).session.decrypt(fromB64(r.data))),

  // ---- certificate chains issued by the independent side -------------------
  issue_chain: (r) => {
    const Details = proto.CertChain.NoiseCertificate.Details;
    const intermediate = bridge.generateKeyPair();
    const interDetails = Details.encode({
      serial: r.intermediate_serial, issuerSerial: r.root_serial,
      key: intermediate.pubKey.subarray(1), notBefore: r.not_before, notAfter: r.not_after,
    }).finish();
    const leafDetails = Details.encode({
      serial: r.leaf_serial, issuerSerial: r.leaf_issuer_serial ?? r.intermediate_serial,
      key: fromB64(r.leaf_key), notBefore: r.not_before, notAfter: r.not_after,
    }).finish();
    const chain = proto.CertChain.encode({
      intermediate: { details: interDetails, signature: bridge.calculateSignature(fromB64(r.root_private), interDetails) },
      leaf: { details: leafDetails, signature: bridge.calculateSignature(intermediate.privKey, leafDetails) },
    }).finish();
    return toB64(chain);
  },

  // libsignal-node's XEdDSA verdicts (the call Baileys' Curve.verify makes) on both links.
  libsignal_verify_chain: (r) => {
    const chain = proto.CertChain.decode(fromB64(r.chain));
    const inter = proto.CertChain.NoiseCertificate.Details.decode(chain.intermediate.details);
    const verify = (key, cert) => curve.verifySignature(withPrefix(key), Buffer.from(cert.details), Buffer.from(cert.signature));
    return {
      intermediate: verify(fromB64(r.root_key), chain.intermediate),
      leaf: verify(inter.key, chain.leaf),
    };
  },

  drop: (r) => sessions.delete(r.id),
});
