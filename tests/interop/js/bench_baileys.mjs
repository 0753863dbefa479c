// Baileys' side of bench/bench_clients.py: an unmodified Baileys client against the
// sandbox (only the WebSocket URL and the pinned Noise root key changed), timed from
// inside Node so that the NDJSON channel to Python is not part of any figure.
import { performance } from "node:perf_hooks";
import pino from "pino";
import makeWASocket, {
  DisconnectReason,
  WA_CERT_DETAILS,
  generateMessageIDV2,
  useMultiFileAuthState,
} from "@whiskeysockets/baileys";
import { serve } from "./serve.mjs";

const logger = pino({ level: "silent" });
console.log = console.info = (...args) => console.error(...args); // stdout is the channel

const state = { url: null, dir: null, sock: null, qrs: [], opens: 0, received: 0, acks: new Map() };
// bench/bench_listen.py: when each message from others was handed to the application
// (wall clock, ms) and its text, while `record` is on.
const arrivals = { record: false, seen: [], cpu: null };
const wallMs = () => performance.timeOrigin + performance.now();
let wakers = [];

function wake() {
  const now = wakers;
  wakers = [];
  for (const fn of now) fn();
}

async function until(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      wakers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

async function connect() {
  const { state: auth, saveCreds } = await useMultiFileAuthState(state.dir);
  const sock = makeWASocket({
    auth,
    logger,
    waWebSocketUrl: state.url,
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
  });
  state.sock = sock;
  sock.ev.on("creds.update", saveCreds);
  sock.ev.on("messages.upsert", ({ messages }) => {
    for (const msg of messages) {
      if (msg.key.fromMe || !msg.message) continue;
      state.received += 1;
      if (!arrivals.record) continue;
      arrivals.seen.push([wallMs(), msg.message.conversation ?? ""]);
      if (arrivals.seen.length === 1) arrivals.cpu = process.cpuUsage(); // from the first on
    }
    wake();
  });
  // The server's ack of each message we send (Baileys resolves sendMessage before it).
  sock.ws.on("CB:ack,class:message", (node) => {
    const done = state.acks.get(node.attrs.id);
    if (done) done();
  });
  sock.ev.on("connection.update", (update) => {
    if (update.qr) state.qrs.push(update.qr);
    if (update.connection === "open") state.opens += 1;
    if (update.connection === "close") {
      const code = update.lastDisconnect?.error?.output?.statusCode;
      if (code === DisconnectReason.restartRequired && state.sock === sock) connect();
    }
    wake();
  });
}

async function reconnect() {
  const opens = state.opens;
  const started = performance.now();
  await connect();
  await until(() => state.opens > opens, 30000, "connection open");
  return performance.now() - started;
}

async function disconnect() {
  const sock = state.sock;
  state.sock = null;
  sock.end(undefined);
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the close settle
}

await serve({
  start: async (req) => {
    WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(req.root_key, "hex");
    state.url = req.url;
    state.dir = req.dir;
    await connect();
    return true;
  },
  wait_qr: async () => {
    await until(() => state.qrs.length > 0, 20000, "a QR");
    return { qr: state.qrs[state.qrs.length - 1] };
  },
  wait_open: async () => {
    await until(() => state.opens > 0, 30000, "connection open");
    return { me: state.sock.user };
  },
  login_ms: async (req) => {
    // Log out of the socket and in again with the saved creds, req.rounds times.
    const times = [];
    for (let i = 0; i < req.rounds; i += 1) {
      await disconnect();
      times.push(await reconnect());
    }
    return { times };
  },
  send_ms: async (req) => {
    // req.count texts to req.to, one after the other, each until the server acked it.
    const times = [];
    for (let i = 0; i < req.count; i += 1) {
      const started = performance.now();
      const id = generateMessageIDV2(state.sock.user?.id);
      const ack = new Promise((resolve) => state.acks.set(id, resolve)); // before it can come
      await state.sock.sendMessage(req.to, { text: `${req.text} ${i}` }, { messageId: id });
      await ack;
      state.acks.delete(id);
      times.push(performance.now() - started);
    }
    return { times };
  },
  go_offline: async () => {
    await disconnect();
    return true;
  },
  drain_ms: async (req) => {
    // Connect and wait until req.count messages from others were decrypted and upserted.
    state.received = 0;
    const started = performance.now();
    await connect();
    await until(() => state.received >= req.count, 120000, `${req.count} messages`);
    return { ms: performance.now() - started, received: state.received };
  },
  record: async () => {
    // From now on note every message's arrival (connecting first when offline).
    arrivals.record = true;
    arrivals.seen = [];
    state.received = 0;
    if (!state.sock) await connect();
    return true;
  },
  arrivals: async (req) => {
    // Wait until req.count messages arrived since `record`: [[wall ms, text], ...], and
    // the CPU seconds the process used from the first arrival to the last.
    await until(() => arrivals.seen.length >= req.count, req.timeout_ms ?? 600000, `${req.count} messages`);
    const used = process.cpuUsage(arrivals.cpu);
    const seen = arrivals.seen;
    arrivals.record = false;
    arrivals.seen = [];
    return { seen, cpu_s: (used.user + used.system) / 1e6 };
  },
  stop: async () => {
    if (state.sock) state.sock.end(undefined);
    setTimeout(() => process.exit(0), 100);
    return true;
  },
});
