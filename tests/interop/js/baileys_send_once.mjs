// bench/bench_startup.py's Baileys row: one send in a fresh Node process, as a cron job
// would run it. Loads the credentials saved in a directory, connects to the sandbox,
// sends one text and exits 0 once the server acked it (exit 1 on any failure or after
// 30 s). The request is one JSON argument: {url, root_key, dir, to, text}.
import pino from "pino";
import makeWASocket, {
  WA_CERT_DETAILS,
  generateMessageIDV2,
  useMultiFileAuthState,
} from "@whiskeysockets/baileys";

const req = JSON.parse(process.argv[2]);
WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(req.root_key, "hex");
setTimeout(() => {
  console.error("no ack within 30 s");
  process.exit(1);
}, 30000).unref();

const { state: auth } = await useMultiFileAuthState(req.dir);
const sock = makeWASocket({
  auth,
  logger: pino({ level: "silent" }),
  waWebSocketUrl: req.url,
  markOnlineOnConnect: false,
  syncFullHistory: false,
  shouldSyncHistoryMessage: () => false,
});
sock.ev.on("connection.update", async (update) => {
  if (update.connection === "close") {
    console.error("connection closed:", update.lastDisconnect?.error?.message);
    process.exit(1);
  }
  if (update.connection !== "open") return;
  const id = generateMessageIDV2(sock.user?.id);
  // Baileys resolves sendMessage before the server's ack: wait for the ack itself.
  sock.ws.on("CB:ack,class:message", (node) => {
    if (node.attrs.id !== id) return;
    process.stdout.write(id + "\n");
    process.exit(node.attrs.error ? 1 : 0);
  });
  await sock.sendMessage(req.to, { text: req.text }, { messageId: id });
});
