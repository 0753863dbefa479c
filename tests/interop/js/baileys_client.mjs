// An unmodified Baileys client pointed at the sandbox: only its WebSocket URL and the
// pinned Noise root key (WA_CERT_DETAILS.PUBLIC_KEY) change. Connection events are
// recorded so the Python test can wait for the QR, the pairing code and "open".
import pino from "pino";
import makeWASocket, {
  DisconnectReason,
  WA_CERT_DETAILS,
  useMultiFileAuthState,
} from "@whiskeysockets/baileys";
import { serve } from "./serve.mjs";
import { createHash } from "node:crypto";
import { downloadMediaMessage } from "@whiskeysockets/baileys";
import {
  aesEncryptGCM,
  decryptPollVote,
  generateMessageID,
  getAggregateVotesInPollMessage,
  getKeyAuthor,
  hmacSign,
  jidNormalizedUser,
  proto,
  sha256,
} from "@whiskeysockets/baileys";
import { randomBytes } from "node:crypto";

const logger = pino({ level: "silent" }); // keep stdout for the NDJSON channel
// libsignal prints session notes with console.log/info: send them to stderr instead.
console.log = console.info = (...args) => console.error(...args);

let client = null;

// History sync (test_sandbox_baileys_history.py): Baileys' own log, kept when capture_logs
// was called before start, to see which way it left AwaitingInitialSync.
const syncLog = [];
let captureLogs = false;
const syncLogger = pino({ level: "info" }, { write: (line) => syncLog.push(JSON.parse(line).msg ?? "") });

function newClient(url, rootKeyHex, dir, keepAliveMs, history) {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(rootKeyHex, "hex");
  return {
    url,
    dir,
    keepAliveMs,
    history,
    sock: null,
    qrs: [],
    opens: 0,
    closes: [],
    me: null,
    messages: [],
    receipts: [],
    groupReceipts: [],
    presences: [],
    chatUpdates: [], // chats.update as Baileys emitted them (app-state sync)
    contactUpdates: [], // contacts.update events (a picture notification makes one)
    calls: [], // "call" events (test_sandbox_baileys_calls.py), date as epoch ms
    waiters: [],
  };
}

function notify() {
  const waiters = client.waiters;
  client.waiters = [];
  for (const wake of waiters) wake();
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new Error(`timed out waiting for ${what}; closes: ${JSON.stringify(client.closes)}`);
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      client.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

async function connect() {
  const { state, saveCreds } = await useMultiFileAuthState(client.dir);
  const sock = makeWASocket({
    auth: state,
    logger,
    waWebSocketUrl: client.url,
    markOnlineOnConnect: false,
    ...(client.keepAliveMs ? { keepAliveIntervalMs: client.keepAliveMs } : {}),
    syncFullHistory: false,
    ...(captureLogs ? { logger: syncLogger } : {}),
    // Baileys checks app-state snapshot and patch MACs only when asked to.
    appStateMacVerification: { patch: true, snapshot: true },
    // history: false = Baileys' own config switch for "no history sync expected".
    ...(client.history === false ? { shouldSyncHistoryMessage: () => false } : {}),
  });
  client.sock = sock;
  sock.ev.on("creds.update", saveCreds);
  sock.ev.on("messages.upsert", ({ messages, type }) => {
    for (const msg of messages) {
      (client.raw ??= new Map()).set(msg.key.id, msg); // kept whole for download_media
      client.messages.push({
        type,
        key: msg.key,
        pushName: msg.pushName ?? null,
        text: msg.message?.conversation ?? msg.message?.extendedTextMessage?.text ?? null,
        status: msg.status ?? null,
        stub: msg.messageStubType ?? null,
        stubParams: msg.messageStubParameters ?? null,
        // A reply's quote (stanzaId, participant, quotedMessage) as Baileys decoded it.
        contextInfo: msg.message?.extendedTextMessage?.contextInfo ?? null,
      });
      // Group receipts that Baileys' event buffer merged into the upsert of our message.
      for (const receipt of msg.userReceipt ?? []) {
        client.groupReceipts.push({ id: msg.key.id, remoteJid: msg.key.remoteJid, ...receipt });
      }
    }
    notify();
  });
  sock.ev.on("call", (calls) => {
    client.calls.push(...calls.map((call) => ({ ...call, date: call.date?.getTime?.() ?? null })));
    notify();
  });
  sock.ev.on("contacts.update", (updates) => {
    client.contactUpdates.push(...updates);
    notify();
  });
  sock.ev.on("chats.update", (updates) => {
    client.chatUpdates.push(...updates.map(({ conditional, ...rest }) => rest));
    notify();
  });
  sock.ev.on("messaging-history.set", (set) => {
    (client.histories ??= []).push({
      syncType: set.syncType ?? null,
      chats: set.chats.map((chat) => chat.id),
      contacts: set.contacts.map(({ id, notify, name }) => ({ id, notify: notify ?? null, name: name ?? null })),
      messages: set.messages.map((m) => ({ id: m.key.id, jid: m.key.remoteJid, fromMe: m.key.fromMe, text: m.message?.conversation ?? null })),
    });
    notify();
  });
  sock.ev.on("messaging-history.status", (status) => {
    (client.historyStatus ??= []).push(status);
    notify();
  });
  sock.ev.on("presence.update", ({ id, presences }) => {
    for (const [participant, presence] of Object.entries(presences)) {
      client.presences.push({ id, participant, ...presence });
    }
    notify();
  });
  sock.ev.on("messages.update", (updates) => {
    for (const { key, update } of updates) {
      if (update.status !== undefined) client.receipts.push({ id: key.id, status: update.status });
    }
    notify();
  });
  sock.ev.on("messages.update", (updates) => {
    // Stars from app state (another device starred or unstarred a message).
    for (const { key, update } of updates) {
      if (update.starred !== undefined) {
        (client.stars ??= []).push({ id: key.id, remoteJid: key.remoteJid, starred: update.starred });
      }
    }
    notify();
  });
  sock.ev.on("messages.delete", (item) => {
    // Deleted for me on another device (app state deleteMessageForMe).
    if ("keys" in item) (client.deletes ??= []).push(...item.keys.map(({ id, remoteJid }) => ({ id, remoteJid })));
    notify();
  });
  sock.ev.on("message-receipt.update", (updates) => {
    // Group receipts: one per member (userJid) that got or read our message.
    for (const { key, receipt } of updates) {
      client.groupReceipts.push({ id: key.id, remoteJid: key.remoteJid, ...receipt });
    }
    notify();
  });
  sock.ev.on("connection.update", (update) => {
    if (update.qr) client.qrs.push(update.qr);
    if (update.connection === "open") {
      client.opens += 1;
      client.me = sock.user ?? state.creds.me ?? null;
    }
    if (update.connection === "close") {
      const code = update.lastDisconnect?.error?.output?.statusCode ?? null;
      client.closes.push(code);
      // What every Baileys app does: reconnect after "restart required" (515, after pairing).
      if (code === DisconnectReason.restartRequired && client.sock === sock) {
        connect().catch((err) => client.closes.push(String(err)));
      }
    }
    notify();
  });
  return sock;
}

await serve({
  start: async (req) => {
    // The auth state directory belongs to the caller (Baileys may still write into it
    // while a socket winds down, so the caller removes it after this process exits).
    client = newClient(req.url, req.root_key, req.dir, req.keep_alive_ms, req.history);
    await connect();
    return true;
  },
  wait_qr: async (req) => {
    const seen = req.after ?? 0;
    await waitFor(() => client.qrs.length > seen, req.timeout_ms ?? 20000, "a QR");
    return { qr: client.qrs[client.qrs.length - 1], count: client.qrs.length };
  },
  request_code: async (req) => {
    return { code: await client.sock.requestPairingCode(req.phone) };
  },
  wait_open: async (req) => {
    await waitFor(() => client.opens > 0, req.timeout_ms ?? 30000, "connection open");
    return { me: client.me, closes: client.closes };
  },
  wait_message: async (req) => {
    // The first upserted message with the given text (or any not from us).
    const match = (m) => (req.text ? m.text === req.text : !m.key.fromMe);
    await waitFor(() => client.messages.some(match), req.timeout_ms ?? 20000, "a message");
    return { message: client.messages.find(match), all: client.messages };
  },
  send_text: async (req) => {
    const sent = await client.sock.sendMessage(req.to, { text: req.text });
    return { id: sent.key.id, key: sent.key };
  },
  send_content: async (req) => {
    // Any content Baileys' sendMessage takes, e.g. { text, edit: key }, { delete: key },
    // { react: { text, key } }: the keys are those send_text returned.
    const sent = await client.sock.sendMessage(req.to, req.content);
    return { id: sent.key.id, key: sent.key };
  },
  wait_status: async (req) => {
    // Our message reaching at least the given status (3 = delivered): a messages.update,
    // or the upsert itself when Baileys' event buffer merged the update into it.
    const reached = () =>
      client.receipts.some((r) => r.id === req.id && r.status >= req.status) ||
      client.messages.some((m) => m.key.id === req.id && m.status >= req.status);
    await waitFor(reached, req.timeout_ms ?? 20000, "a status");
    return { receipts: client.receipts };
  },
  post_status: async (req) => {
    // A text status to status@broadcast, seen by the users of req.viewers (statusJidList).
    const content = { text: req.text, backgroundColor: "#128C7E", font: 1 };
    const sent = await client.sock.sendMessage("status@broadcast", content, {
      statusJidList: req.viewers,
    });
    return { id: sent.key.id, key: sent.key };
  },
  follow_channel: async (req) => {
    // newsletterFollow: the w:mex follow query with Baileys' own query id.
    await client.sock.newsletterFollow(req.jid);
    return {};
  },
  read_messages: async (req) => {
    // Mark messages read (readMessages: "read", or "read-self" when the account's read
    // receipts are off); req.keys as wait_message returned them.
    await client.sock.readMessages(req.keys);
    return {};
  },
  wait_group_receipts: async (req) => {
    // Delivery receipts of our group message req.id from every member in req.users.
    const from = () =>
      new Set(client.groupReceipts.filter((r) => r.id === req.id).map((r) => r.userJid));
    const done = () => req.users.every((user) => from().has(user));
    await waitFor(done, req.timeout_ms ?? 20000, "group receipts");
    return { receipts: client.groupReceipts.filter((r) => r.id === req.id) };
  },
  wait_stub: async (req) => {
    // A stub message (group create, subject, participants…) in req.jid of type req.stub.
    const match = (m) => m.key.remoteJid === req.jid && m.stub === req.stub;
    await waitFor(() => client.messages.some(match), req.timeout_ms ?? 20000, "a stub");
    return { message: client.messages.find(match) };
  },
  group_update_subject: async (req) => {
    await client.sock.groupUpdateSubject(req.jid, req.subject);
    return true;
  },
  group_participants_update: async (req) => {
    return { results: await client.sock.groupParticipantsUpdate(req.jid, req.participants, req.action) };
  },
  events: async () => {
    // What was recorded so far (for a failing test's message).
    return { receipts: client.receipts, groupReceipts: client.groupReceipts, closes: client.closes };
  },
  disconnect: async () => {
    // Drop the connection (the auth state stays); "reconnect" logs in again with it.
    const sock = client.sock;
    client.sock = null;
    const closed = client.closes.length;
    sock.end(undefined);
    await waitFor(() => client.closes.length > closed, 10000, "the close");
    return { closes: client.closes };
  },
  reconnect: async (req) => {
    const opens = client.opens;
    await connect();
    await waitFor(() => client.opens > opens, req.timeout_ms ?? 30000, "connection open");
    return { opens: client.opens };
  },
  presence_subscribe: async (req) => {
    await client.sock.presenceSubscribe(req.jid);
    return true;
  },
  wait_presence: async (req) => {
    // A presence.update from req.jid whose lastKnownPresence is req.presence.
    const match = (p) => p.id === req.jid && p.lastKnownPresence === req.presence;
    await waitFor(() => client.presences.some(match), req.timeout_ms ?? 20000, "a presence");
    return { presence: client.presences.find(match), all: client.presences };
  },
  group_metadata: async (req) => {
    // Baileys' own w:g2 query and its parse of the answer (extractGroupMetadata).
    return { metadata: await client.sock.groupMetadata(req.jid) };
  },
  group_create: async (req) => {
    return { metadata: await client.sock.groupCreate(req.subject, req.participants) };
  },
  group_participating: async () => {
    return { groups: await client.sock.groupFetchAllParticipating() };
  },
  group_invite_code: async (req) => {
    // Baileys' own <invite/> query for a group it administers.
    return { code: await client.sock.groupInviteCode(req.jid) };
  },
  group_invite_info: async (req) => {
    // Baileys' preview of an invite code (<invite code/> get) and its parse of the group.
    return { metadata: await client.sock.groupGetInviteInfo(req.code) };
  },
  group_accept_invite: async (req) => {
    // Baileys joins with an invite code (<invite code/> set); the group's JID.
    return { jid: await client.sock.groupAcceptInvite(req.code) };
  },
  group_join_approval_mode: async (req) => {
    // <membership_approval_mode><group_join state/> for a group Baileys administers.
    await client.sock.groupJoinApprovalMode(req.jid, req.mode);
    return true;
  },
  group_request_list: async (req) => {
    // The pending join requests as Baileys reads them (their attrs).
    return { requests: await client.sock.groupRequestParticipantsList(req.jid) };
  },
  group_request_update: async (req) => {
    // Approve or reject join requests; each participant's status as Baileys reads it.
    return { results: await client.sock.groupRequestParticipantsUpdate(req.jid, req.participants, req.action) };
  },
  wait_contact_update: async (req) => {
    // A contacts.update for req.id with imgUrl req.img ("changed" or "removed").
    const match = (u) => u.id === req.id && u.imgUrl === req.img;
    await waitFor(() => client.contactUpdates.some(match), req.timeout_ms ?? 20000, "a contact");
    return { update: client.contactUpdates.find(match), all: client.contactUpdates };
  },
  wait_chat_update: async (req) => {
    // A chats.update for req.jid that has the field req.field (pinned, archived, muteEndTime).
    const match = (u) => u.id === req.jid && u[req.field] !== undefined;
    await waitFor(() => client.chatUpdates.some(match), req.timeout_ms ?? 20000, "a chat update");
    return { update: client.chatUpdates.filter(match).pop(), all: client.chatUpdates };
  },
  app_state: async (req) => {
    // Baileys' own verified state of a collection (version, LTHash) and its sync key id.
    const found = await client.sock.authState.keys.get("app-state-sync-version", [req.name]);
    const state = found[req.name];
    return {
      version: state?.version ?? 0,
      hash: state ? Buffer.from(state.hash).toString("hex") : null,
      keyId: client.sock.authState.creds.myAppStateKeyId ?? null,
    };
  },
  wait_star: async (req) => {
    // A messages.update that sets message req.id's starred to req.starred.
    const match = (u) => u.id === req.id && u.starred === req.starred;
    await waitFor(() => (client.stars ?? []).some(match), req.timeout_ms ?? 20000, "a star");
    return { star: client.stars.find(match) };
  },
  wait_delete: async (req) => {
    // A messages.delete naming message req.id.
    const match = (d) => d.id === req.id;
    await waitFor(() => (client.deletes ?? []).some(match), req.timeout_ms ?? 20000, "a delete");
    return { deleted: client.deletes.find(match) };
  },
  chat_modify: async (req) => {
    // Baileys makes and uploads an app-state patch itself (e.g. {"pin": true}).
    await client.sock.chatModify(req.mod, req.jid);
    return true;
  },
  send_image: async (req) => {
    // Baileys encrypts and uploads (media_conn, https POST) and sends an image itself.
    const image = Buffer.from(req.data, "base64");
    const sent = await client.sock.sendMessage(req.to, { image, mimetype: req.mimetype, caption: req.caption });
    const { url, directPath } = sent.message.imageMessage;
    return { id: sent.key.id, url, directPath };
  },
  download_media: async (req) => {
    // Baileys' own download and decryption (downloadMediaMessage) of a received media message.
    await waitFor(() => client.raw?.has(req.id), req.timeout_ms ?? 20000, "a media message");
    const msg = client.raw.get(req.id);
    const data = await downloadMediaMessage(msg, "buffer", {});
    const media = msg.message?.imageMessage ?? msg.message?.documentMessage ?? {};
    const sha256 = createHash("sha256").update(data).digest("hex");
    return { sha256, size: data.length, mimetype: media.mimetype ?? null, caption: media.caption ?? null };
  },
  redownload_media: async (req) => {
    // An expired file: updateMediaMessage asks our phone to upload it again (media retry
    // receipt, mediaretry notification), then Baileys downloads it from the new path.
    await waitFor(() => client.raw?.has(req.id), req.timeout_ms ?? 20000, "a media message");
    await client.sock.refreshMediaConn(true); // its media host, for the new path's URL
    const msg = await client.sock.updateMediaMessage(client.raw.get(req.id));
    const data = await downloadMediaMessage(msg, "buffer", {});
    return { sha256: createHash("sha256").update(data).digest("hex"), size: data.length };
  },
  fetch_status: async (req) => {
    // Baileys' own usync status query and its parse ({status, setAt} per user).
    const found = await client.sock.fetchStatus(req.jid);
    const entry = found?.[0]?.status;
    return { status: entry?.status ?? null, set_at: entry?.setAt?.getTime?.() ?? null };
  },
  update_profile_status: async (req) => {
    // Our about text (<iq xmlns="status" type="set">).
    await client.sock.updateProfileStatus(req.text);
    return true;
  },
  update_profile_picture: async (req) => {
    // Our picture: Baileys turns the image (base64) into a 640x640 JPEG and sets it.
    await client.sock.updateProfilePicture(client.me.id, Buffer.from(req.image, "base64"));
    return true;
  },
  wait_call: async (req) => {
    // A "call" event of call req.id whose status is req.status (offer, terminate, timeout…).
    const match = (c) => c.id === req.id && c.status === req.status;
    await waitFor(() => client.calls.some(match), req.timeout_ms ?? 20000, "a call event");
    return { call: client.calls.find(match), all: client.calls };
  },
  reject_call: async (req) => {
    // Baileys' own reject (a <call><reject/></call> query answered by the server's ack).
    await client.sock.rejectCall(req.id, req.from);
    return true;
  },
  capture_logs: async () => {
    captureLogs = true;
    return true;
  },
  fetch_history: async (req) => {
    // Baileys' own on-demand history request to its phone (a peer data operation).
    return { id: await client.sock.fetchMessageHistory(req.count, req.key, req.timestamp_ms) };
  },
  wait_history: async (req) => {
    // Until history sets have brought every message id in req.ids.
    const seen = () => new Set((client.histories ?? []).flatMap((h) => h.messages.map((m) => m.id)));
    await waitFor(() => req.ids.every((id) => seen().has(id)), req.timeout_ms ?? 60000, "history");
    return { histories: client.histories, status: client.historyStatus ?? [], log: syncLog };
  },
  // Message kinds (tests/interop/test_client_baileys_kinds.py).
  wait_content: async (req) => {
    // The whole Message of upserted message req.id as protobuf JSON (bytes in base64).
    await waitFor(() => client.raw?.has(req.id), req.timeout_ms ?? 20000, `message ${req.id}`);
    const msg = client.raw.get(req.id);
    const message = proto.Message.toObject(proto.Message.fromObject(msg.message), { longs: String, bytes: String });
    return { key: msg.key, message };
  },
  send_media: async (req) => {
    // A sticker or (view-once) image from bytes: Baileys encrypts and uploads it itself.
    const content = { [req.kind]: Buffer.from(req.data, "base64"), mimetype: req.mimetype };
    if (req.view_once) content.viewOnce = true;
    const sent = await client.sock.sendMessage(req.to, content);
    return { id: sent.key.id };
  },
  group_ephemeral: async (req) => {
    // Baileys' groupToggleEphemeral: <ephemeral expiration/> (0: <not_ephemeral/>).
    await client.sock.groupToggleEphemeral(req.jid, req.seconds);
    return true;
  },
  send_poll: async (req) => {
    const poll = { name: req.name, values: req.values, selectableCount: req.selectable };
    const sent = await client.sock.sendMessage(req.to, { poll });
    (client.raw ??= new Map()).set(sent.key.id, sent); // the poll with its secret, for votes
    return { id: sent.key.id };
  },
  vote: async (req) => {
    // Baileys builds no votes itself: sealed the way its decryptPollVote opens them (its
    // hmacSign and aesEncryptGCM), sent with relayMessage.
    const meId = jidNormalizedUser(client.sock.user.id);
    const poll = client.raw.get(req.id);
    const creator = getKeyAuthor(poll.key, meId);
    const secret = poll.message.messageContextInfo.messageSecret;
    const info = Buffer.concat([req.id, creator, meId, "Poll Vote"].map((s) => Buffer.from(s)).concat([Buffer.from([1])]));
    const key = hmacSign(info, hmacSign(secret, Buffer.alloc(32)));
    const iv = randomBytes(12);
    const chosen = proto.Message.PollVoteMessage.encode({ selectedOptions: req.options.map((o) => sha256(Buffer.from(o))) }).finish();
    const encPayload = aesEncryptGCM(chosen, key, iv, Buffer.from(`${req.id}\u0000${meId}`));
    const update = { pollCreationMessageKey: poll.key, vote: { encPayload, encIv: iv }, senderTimestampMs: Date.now() };
    const id = generateMessageID();
    await client.sock.relayMessage(poll.key.remoteJid, { pollUpdateMessage: update }, { messageId: id });
    return { id };
  },
  poll_votes: async (req) => {
    // Baileys' own reading of the votes on poll req.id: decryptPollVote on each vote, then
    // getAggregateVotesInPollMessage ([{ name, voters }] per option).
    const meId = jidNormalizedUser(client.sock.user.id);
    const isVote = (m) => m.message?.pollUpdateMessage?.pollCreationMessageKey?.id === req.id;
    const votes = () => [...(client.raw?.values() ?? [])].filter(isVote);
    await waitFor(() => votes().length >= (req.count ?? 1), req.timeout_ms ?? 20000, `votes on ${req.id}`);
    const poll = client.raw.get(req.id);
    const context = { pollEncKey: poll.message.messageContextInfo.messageSecret, pollCreatorJid: getKeyAuthor(poll.key, meId), pollMsgId: req.id };
    const pollUpdates = votes().map((m) => ({
      pollUpdateMessageKey: m.key,
      vote: decryptPollVote(m.message.pollUpdateMessage.vote, { ...context, voterJid: getKeyAuthor(m.key, meId) }),
    }));
    return { options: getAggregateVotesInPollMessage({ message: poll.message, pollUpdates }, meId) };
  },
  state: async () => {
    // Whether the socket is open now, and the close codes seen so far.
    return { open: Boolean(client.sock?.ws?.isOpen), closes: client.closes };
  },
  stop: async () => {
    if (client?.sock) {
      const sock = client.sock;
      client.sock = null;
      sock.ev.removeAllListeners("creds.update"); // no more writes into the directory
      sock.end(undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Baileys leaves timers behind; leave once this answer is written.
    setTimeout(() => process.exit(0), 200);
    return true;
  },
});
