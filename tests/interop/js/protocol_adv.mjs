// ADV device identities through Baileys:
// - `baileys_pair_success`: Baileys' own pair-success handling
//   (configureSuccessfulPairing in lib/Utils/validate-connection.js) given a
//   pair-success stanza whose device-identity wacli's primary side built;
// - `build_pair_success` / `verify_device_signature`: an independent
//   construction of the phone's side from Baileys' WAProto, Curve (libsignal
//   XEdDSA), hmacSign and its ADV prefix constants, to face wacli's companion.
import { proto } from "@whiskeysockets/baileys/WAProto/index.js";
import {
  WA_ADV_ACCOUNT_SIG_PREFIX,
  WA_ADV_DEVICE_SIG_PREFIX,
  WA_ADV_HOSTED_ACCOUNT_SIG_PREFIX,
  WA_ADV_HOSTED_DEVICE_SIG_PREFIX,
} from "@whiskeysockets/baileys/lib/Defaults/index.js";
import { Curve, hmacSign } from "@whiskeysockets/baileys/lib/Utils/crypto.js";
import { configureSuccessfulPairing } from "@whiskeysockets/baileys/lib/Utils/validate-connection.js";
import { createRequire } from "node:module";
import { serve, fromB64, toB64 } from "./serve.mjs";

// Baileys' Curve.verify only catches throws and ignores libsignal's boolean
// result, so it accepts any well-formed signature; real checks go through
// libsignal's curve directly.
const { curve } = createRequire(import.meta.url)("libsignal");
const verify = (pub, msg, sig) =>
  curve.verifySignature(Buffer.concat([Buffer.from([5]), pub]), msg, sig) === true;

const buf = (s) => Buffer.from(fromB64(s));

await serve({
  baileys_pair_success: (r) => {
    const stanza = {
      tag: "iq",
      attrs: { id: "pair-1", from: "s.whatsapp.net", type: "set" },
      content: [
        {
          tag: "pair-success",
          attrs: {},
          content: [
            { tag: "device-identity", attrs: {}, content: buf(r.device_identity) },
            { tag: "platform", attrs: { name: "smba" } },
            { tag: "device", attrs: { jid: r.jid, lid: r.lid } },
          ],
        },
      ],
    };
    const { creds, reply } = configureSuccessfulPairing(stanza, {
      advSecretKey: r.adv_secret,
      signedIdentityKey: { public: buf(r.identity_public), private: buf(r.identity_private) },
      signalIdentities: [],
    });
    const sign = reply.content[0].content[0];
    return {
      reply: toB64(sign.content),
      key_index: sign.attrs["key-index"],
      me: creds.me.id,
      account_identity: toB64(creds.signalIdentities[0].identifierKey.subarray(1)),
    };
  },
  build_pair_success: (r) => {
    const hosted = r.hosted;
    const details = proto.ADVDeviceIdentity.encode({
      rawId: r.raw_id,
      timestamp: r.timestamp,
      keyIndex: r.key_index,
      ...(hosted ? { accountType: 1, deviceType: 1 } : {}),
    }).finish();
    const prefix = hosted ? WA_ADV_HOSTED_ACCOUNT_SIG_PREFIX : WA_ADV_ACCOUNT_SIG_PREFIX;
    const accountSignature = Curve.sign(
      buf(r.account_private),
      Buffer.concat([prefix, details, buf(r.companion_identity)]),
    );
    const signed = proto.ADVSignedDeviceIdentity.encode({
      details,
      accountSignatureKey: buf(r.account_public),
      accountSignature,
    }).finish();
    const hmacPrefix = hosted ? WA_ADV_HOSTED_ACCOUNT_SIG_PREFIX : Buffer.alloc(0);
    const container = proto.ADVSignedDeviceIdentityHMAC.encode({
      details: signed,
      hmac: hmacSign(Buffer.concat([hmacPrefix, signed]), buf(r.adv_secret)),
      ...(hosted ? { accountType: 1 } : {}),
    }).finish();
    return toB64(container);
  },
  // libsignal's verdict on the account signature inside a pair-success container
  verify_account_signature: (r) => {
    const container = proto.ADVSignedDeviceIdentityHMAC.decode(buf(r.device_identity));
    const signed = proto.ADVSignedDeviceIdentity.decode(container.details);
    const prefix = r.hosted ? WA_ADV_HOSTED_ACCOUNT_SIG_PREFIX : WA_ADV_ACCOUNT_SIG_PREFIX;
    const msg = Buffer.concat([prefix, signed.details, buf(r.companion_identity)]);
    return verify(Buffer.from(signed.accountSignatureKey), msg, Buffer.from(signed.accountSignature));
  },
  verify_device_signature: (r) => {
    const signed = proto.ADVSignedDeviceIdentity.decode(buf(r.reply));
    const prefix = r.hosted ? WA_ADV_HOSTED_DEVICE_SIG_PREFIX : WA_ADV_DEVICE_SIG_PREFIX;
    const msg = Buffer.concat([
      prefix,
      signed.details,
      buf(r.companion_identity),
      buf(r.account_public),
    ]);
    return {
      valid: verify(buf(r.companion_identity), msg, Buffer.from(signed.deviceSignature)),
      has_account_key: !!(signed.accountSignatureKey && signed.accountSignatureKey.length),
    };
  },
});
