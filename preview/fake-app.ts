// An in-memory stand-in for the app's customer returns API (the contract in docs/decisions/060-ui-extensions.md)
// plus the stand-in's session-token endpoint, so the customer-returns extension can be exercised end to end in a
// browser before the real routes exist. Deliberately strict where the contract is: bearer token, CORS, field errors.
import http from "node:http";
import { multiplyAmount } from "../extensions/customer-returns/src/format";
import { overviewFixture } from "../extensions/customer-returns/src/fixtures";
import type { ReturnRequest, ReturnsOverview, SubmitBody, PreviewBody } from "../extensions/customer-returns/src/api";

export interface FakeApp {
  url: string;
  overview: ReturnsOverview;
  submitted: SubmitBody[];
  uploads: { fields: string[]; bytes: number }[];
  close(): Promise<void>;
}

export async function startFakeApp(overview: ReturnsOverview = overviewFixture()): Promise<FakeApp> {
  const submitted: SubmitBody[] = [];
  const uploads: FakeApp["uploads"] = [];
  let seq = 0;
  let base = "";
  const cors = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { ...cors, "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      return res.end();
    }
    if (url.pathname === "/_standin/session-token") {
      return json(200, { token: `tok:${url.searchParams.get("customerId")}` });
    }
    if (url.pathname === "/upload" && req.method === "POST") {
      const text = raw.toString("latin1");
      uploads.push({ fields: [...text.matchAll(/; name="([^"]+)"/g)].map((m) => m[1]!), bytes: raw.length });
      res.writeHead(204, cors);
      return res.end();
    }
    if (!url.pathname.startsWith("/api/customer/")) return json(404, { error: { code: "not_found", message: "no route" } });
    if (!/^Bearer tok:.+/.test(req.headers.authorization ?? "")) {
      return json(401, { error: { code: "unauthorized", message: "missing or bad session token" } });
    }
    const body = raw.length ? JSON.parse(raw.toString("utf8")) : undefined;
    let m: RegExpExecArray | null;
    if ((m = /^\/api\/customer\/orders\/([^/]+)\/returns$/.exec(url.pathname))) {
      if (decodeURIComponent(m[1]!) !== overview.order.id) return json(404, { error: { code: "not_found", message: "order" } });
      if (req.method === "GET") return json(200, overview);
      const b = body as SubmitBody;
      for (const [i, l] of b.lines.entries()) {
        const line = overview.lines.find((x) => x.lineItemId === l.lineItemId);
        if (!line || l.quantity < 1 || l.quantity > line.quantityLeft) {
          return json(400, { error: { code: "invalid", field: `lines[${i}].quantity`, message: "Quantity not returnable." } });
        }
      }
      submitted.push(b);
      const request: ReturnRequest = {
        id: `rr_${++seq}`,
        status: "requested",
        createdAt: "2026-11-23T10:00:00Z",
        statusMessage: "We received your request and will review it within 2 business days.",
        lines: b.lines.map((l) => {
          const line = overview.lines.find((x) => x.lineItemId === l.lineItemId)!;
          return { lineItemId: l.lineItemId, title: line.title, quantity: l.quantity, reason: line.reasons.find((r) => r.code === l.reason)?.label ?? l.reason };
        }),
        canCancel: true,
      };
      overview.requests.unshift(request);
      return json(201, { request });
    }
    if ((m = /^\/api\/customer\/orders\/([^/]+)\/returns\/preview$/.exec(url.pathname))) {
      const b = body as PreviewBody;
      const lines = b.lines.map((l) => {
        const line = overview.lines.find((x) => x.lineItemId === l.lineItemId);
        const reason = line?.reasons.find((r) => r.code === l.reason);
        const needPhotos = reason ? Math.max(0, reason.minPhotos - l.photos) : 0;
        const eligible = !!reason && needPhotos === 0;
        return {
          lineItemId: l.lineItemId,
          eligible,
          codes: eligible ? [] : [reason ? "EVIDENCE_REQUIRED" : "REASON_REQUIRED"],
          explanation: eligible ? "Eligible for a refund." : reason ? "A photo of the problem is required." : "Choose a reason.",
        };
      });
      const total = b.lines.reduce((sum, l) => {
        const line = overview.lines.find((x) => x.lineItemId === l.lineItemId);
        return line ? (BigInt(sum.replace(".", "")) + BigInt(multiplyAmount(line.unitPrice, l.quantity).replace(".", ""))).toString() : sum;
      }, "0");
      const amount = total.padStart(3, "0").replace(/(\d{2})$/, ".$1");
      return json(200, { eligible: lines.every((l) => l.eligible), lines, resolutions: overview.resolutions, refund: { amount, currency: overview.order.currency } });
    }
    if ((m = /^\/api\/customer\/returns\/([^/]+)\/cancel$/.exec(url.pathname))) {
      const r = overview.requests.find((x) => x.id === decodeURIComponent(m![1]!));
      if (!r) return json(404, { error: { code: "not_found", message: "request" } });
      r.status = "cancelled";
      r.canCancel = false;
      r.statusMessage = "You cancelled this request.";
      return json(200, { request: r });
    }
    if (url.pathname === "/api/customer/uploads") {
      const n = ++seq;
      return json(200, { url: `${base}/upload`, resourceUrl: `https://fake-staged.example/tmp/${n}/${body.filename}`, parameters: [{ name: "key", value: `tmp/${n}` }, { name: "Content-Type", value: body.mimeType }] });
    }
    json(404, { error: { code: "not_found", message: "no route" } });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  return {
    url: base,
    overview,
    submitted,
    uploads,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
