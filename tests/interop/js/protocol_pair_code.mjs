// Baileys' pairing-code exchange, composed from Baileys' own exported functions
// exactly as its socket does it (the flow itself lives inside makeWASocket):
// - companion_hello: socket.js generatePairingKey (bytesToCrockford code,
//   derivePairingCodeKey = PBKDF2, aesEncryptCTR, salt ‖ iv ‖ ciphertext);
// - companion_finish: messages-recv.js 'link_code_companion_reg' notification
//   (decipherLinkPublicKey, Curve.sharedKey, hkdf with
//   link_code_pairing_key_bundle_encryption_key, aesEncryptGCM, adv_secret).
// Baileys has no primary side; "primary_*" below is an independent construction
// of the phone's side from the same primitives, for wacli's companion to face.
import { randomBytes } from "node:crypto";
import {
  aesDecryptCTR,
  aesDecryptGCM,
  aesEncryptCTR,
  aesEncryptGCM,
  Curve,
  derivePairingCodeKey,
  hkdf,
} from "@whiskeysockets/baileys/lib/Utils/crypto.js";
import { bytesToCrockford } from "@whiskeysockets/baileys/lib/Utils/generics.js";
import { buildPairingQRData } from "@whiskeysockets/baileys/lib/Utils/companion-reg-client-utils.js";
import { serve, fromB64, toB64 } from "./serve.mjs";

const buf = (s) => Buffer.from(fromB64(s));

async function wrap(code, pub) {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const key = await derivePairingCodeKey(code, salt);
  return Buffer.concat([salt, iv, aesEncryptCTR(pub, key, iv)]);
}

async function unwrap(code, wrapped) {
  const key = await derivePairingCodeKey(code, wrapped.slice(0, 32));
  return aesDecryptCTR(wrapped.slice(48, 80), key, wrapped.slice(32, 48));
}

await serve({
  // the QR text Baileys shows, for browser [os, name]
  qr: (r) => buildPairingQRData(r.ref, r.noise, r.identity, r.adv, [r.os, r.browser, "1"]),
  crockford: (r) => bytesToCrockford(buf(r.bytes)),
  code_key: async (r) => toB64(await derivePairingCodeKey(r.code, buf(r.salt))),
  // companion_hello as Baileys builds it; its ephemeral key pair is returned for the test
  companion_hello: async (r) => {
    const eph = Curve.generateKeyPair();
    return {
      wrapped: toB64(await wrap(r.code, eph.public)),
      eph_private: toB64(eph.private),
      eph_public: toB64(eph.public),
    };
  },
  companion_finish: async (r) => {
    const primaryEph = await unwrap(r.code, buf(r.wrapped_primary));
    const shared = Curve.sharedKey(buf(r.eph_private), primaryEph);
    const random = randomBytes(32);
    const salt = randomBytes(32);
    const key = hkdf(shared, 32, { salt, info: "link_code_pairing_key_bundle_encryption_key" });
    const primaryIdentity = buf(r.primary_identity_public);
    const payload = Buffer.concat([buf(r.identity_public), primaryIdentity, random]);
    const iv = randomBytes(12);
    const bundle = Buffer.concat([salt, iv, aesEncryptGCM(payload, key, iv, Buffer.alloc(0))]);
    const identityShared = Curve.sharedKey(buf(r.identity_private), primaryIdentity);
    const adv = hkdf(Buffer.concat([shared, identityShared, random]), 32, { info: "adv_secret" });
    return { bundle: toB64(bundle), adv_secret: toB64(adv) };
  },
  primary_hello: async (r) => {
    const companionEph = await unwrap(r.code, buf(r.wrapped_companion));
    const eph = Curve.generateKeyPair();
    return {
      wrapped: toB64(await wrap(r.code, eph.public)),
      shared: toB64(Curve.sharedKey(eph.private, companionEph)),
    };
  },
  primary_finish: (r) => {
    const bundle = buf(r.bundle);
    const salt = bundle.slice(0, 32);
    const key = hkdf(buf(r.shared), 32, { salt, info: "link_code_pairing_key_bundle_encryption_key" });
    const plain = aesDecryptGCM(bundle.slice(44), key, bundle.slice(32, 44), Buffer.alloc(0));
    const companionIdentity = plain.slice(0, 32);
    const identityShared = Curve.sharedKey(buf(r.identity_private), companionIdentity);
    const adv = hkdf(Buffer.concat([buf(r.shared), identityShared, plain.slice(64)]), 32, {
      info: "adv_secret",
    });
    return {
      companion_identity: toB64(companionIdentity),
      primary_identity: toB64(plain.slice(32, 64)),
      adv_secret: toB64(adv),
    };
  },
});
