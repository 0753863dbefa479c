// Curve25519 agreement and XEdDSA signatures from two independent
// implementations: libsignal-node (curve25519-js) and whatsapp-rust-bridge (WASM).
import { createRequire } from "node:module";
import * as bridge from "whatsapp-rust-bridge";
import { serve, fromB64, toB64 } from "./serve.mjs";

const require = createRequire(import.meta.url);
const { curve } = require("libsignal");
const withType = (pub) => Buffer.concat([Buffer.from([5]), Buffer.from(pub)]);

await serve({
  // r.impl: "libsignal" or "bridge"
  keypair: (r) => {
    const kp = r.impl === "bridge" ? bridge.generateKeyPair() : curve.generateKeyPair();
    return { private: toB64(kp.privKey), public: toB64(kp.pubKey.subarray(1)) };
  },
  public_of: (r) =>
    toB64(curve.getPublicFromPrivateKey(Buffer.from(fromB64(r.private))).subarray(1)),
  sign: (r) => {
    const priv = fromB64(r.private);
    const msg = fromB64(r.message);
    return {
      libsignal: toB64(curve.calculateSignature(Buffer.from(priv), Buffer.from(msg))),
      bridge: toB64(bridge.calculateSignature(priv, msg)),
    };
  },
  verify: (r) => {
    const pub = fromB64(r.public);
    const msg = Buffer.from(fromB64(r.message));
    const sig = Buffer.from(fromB64(r.signature));
    let viaBridge;
    try {
      viaBridge = bridge.verifySignature(withType(pub), msg, sig);
    } catch {
      viaBridge = false;
    }
    return { libsignal: curve.verifySignature(withType(pub), msg, sig), bridge: viaBridge };
  },
  agree: (r) => ({
    libsignal: toB64(curve.calculateAgreement(withType(fromB64(r.public)), Buffer.from(fromB64(r.private)))),
    bridge: toB64(bridge.calculateAgreement(withType(fromB64(r.public)), fromB64(r.private))),
  }),
});
