/**
 * The built app as `npm start` runs it (remix-serve of build/, whose access log writes every URL):
 * an embedded page load with id_token/session/hmac in its URL, staff and shopper fetches with
 * Authorization headers, and the bounce page's reload URL leave no token, session or signature in
 * anything the process writes (stdout and stderr). Tokens are signed with another secret, so no
 * request reaches Shopify; their text is what must not be logged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/test-db";
import { ensureAppBuilt, freePort } from "../../demo/stack";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SHOP = "logs-demo.myshopify.com";
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
function jwt(claims: object): string {
  const h = b64({ alg: "HS256", typ: "JWT" });
  const p = b64(claims);
  return `${h}.${p}.${createHmac("sha256", "a-secret-that-is-not-the-apps").update(`${h}.${p}`).digest("base64url")}`;
}
const exp = Math.floor(Date.now() / 1000) + 60;
const ADMIN_TOKEN = jwt({ iss: `https://${SHOP}/admin`, dest: `https://${SHOP}`, aud: "logs-key", sub: "42", exp, nbf: exp - 70, iat: exp - 70, jti: "j1", sid: "s1" });
const CUSTOMER_TOKEN = jwt({ dest: SHOP, aud: "logs-key", sub: "gid://shopify/Customer/1", exp, nbf: exp - 70, iat: exp - 70, jti: "j2" });
// The library answers self-identified bots (node's fetch among them) 410: present a browser.
const UA = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" };
const SESSION = "7c1e5a9b3d2f4e6a8b0c1d2e3f4a5b6c";
const HMAC = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b";

let db: TestDatabase;
let app: ChildProcess;
let base = "";
let output = "";

beforeAll(async () => {
  ensureAppBuilt();
  db = await createTestDatabase({ baseUrl: "file:./unused.sqlite" });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, [join(root, "node_modules", "@remix-run", "serve", "dist", "cli.js"), join(root, "build", "server", "index.js")], {
    cwd: root,
    env: {
      ...process.env,
      // the production build, served as the demo serves it: the app refuses to start with the stand-in's
      // address under NODE_ENV=production (docs/decisions/120-expiring-offline-tokens.md)
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: "logs-key",
      SHOPIFY_API_SECRET: "logs-secret-0123456789abcdef",
      SHOPIFY_APP_URL: base,
      SCOPES: "read_orders",
      DATABASE_URL: db.url,
      // nothing may leave the machine: Shopify's address is a closed local port
      SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:9",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  app.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  for (let i = 0; ; i++) {
    if (app.exitCode !== null) throw new Error(`the app exited:\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 300) throw new Error(`the app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 600_000);

afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once("exit", r));
    app.kill("SIGTERM");
    await exited;
  }
  await db?.cleanup();
});

describe("the served app's logs", () => {
  it("hold no session token, session id, signature or bearer token from any request", async () => {
    const host = Buffer.from(`admin.shopify.com/store/logs-demo`).toString("base64url");
    const embedded = `${base}/app?embedded=1&hmac=${HMAC}&host=${host}&id_token=${ADMIN_TOKEN}&locale=en&session=${SESSION}&shop=${SHOP}&timestamp=1751328000`;
    const answers = [
      await fetch(embedded, { headers: UA, redirect: "manual" }),
      await fetch(`${base}/app/requests?shop=${SHOP}`, { headers: { ...UA, Authorization: `Bearer ${ADMIN_TOKEN}` }, redirect: "manual" }),
      await fetch(`${base}/api/customer/orders/1/returns`, { method: "POST", body: "{}", headers: { ...UA, Authorization: `Bearer ${CUSTOMER_TOKEN}`, "Content-Type": "application/json", Origin: "https://extensions.shopifycdn.com" } }),
      await fetch(`${base}/healthz?id_token=${CUSTOMER_TOKEN}&session=${SESSION}`, { headers: UA }),
    ];
    // the embedded load bounces for a fresh token (this one is forged); the fetches are refused
    expect(answers.map((a) => a.status)).toEqual([302, 401, 401, 200]);
    // follow the bounce: its URL carries the original one (token included), percent-encoded
    const bounce = answers[0]!.headers.get("Location")!;
    expect(bounce).toContain("session-token");
    expect((await fetch(new URL(bounce, base), { headers: UA, redirect: "manual" })).status).toBeLessThan(500);
    await Promise.all(answers.map((a) => a.arrayBuffer()));
    // the access log writes a line per request once it is answered
    for (let i = 0; i < 100 && (output.match(/^(GET|POST) /gm) ?? []).length < 5; i++) await new Promise((r) => setTimeout(r, 50));

    expect(output).toMatch(/^GET \/app\?embedded=1&hmac=\[redacted\]/m); // the requests were logged...
    for (const secret of [ADMIN_TOKEN, CUSTOMER_TOKEN, ADMIN_TOKEN.split(".")[2]!, CUSTOMER_TOKEN.split(".")[2]!, SESSION, HMAC]) {
      expect(output.includes(secret), `${secret.slice(0, 12)}... in:\n${output}`).toBe(false); // ...without their secrets
    }
  }, 60_000);
});
