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

const logger = pino({ level: "silent" }); // keep stdout for the NDJSON channel

let client = null;

function newClient(url, rootKeyHex, dir, keepAliveMs) {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(rootKeyHex, "hex");
  return { url, dir, keepAliveMs, sock: null, qrs: [], opens: 0, closes: [], me: null, waiters: [] };
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
  });
  client.sock = sock;
  sock.ev.on("creds.update", saveCreds);
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
    client = newClient(req.url, req.root_key, req.dir, req.keep_alive_ms);
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
  hold: async (req) => {
    // Stay connected for a while; report whether the socket is still open.
    await new Promise((resolve) => setTimeout(resolve, req.ms));
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
