import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { Store } from "./state/store";
import type { WebhookSub } from "./state/types";
import type { Clock } from "./clock";
import { iso } from "./clock";

export const API_VERSION = "2026-07";

export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

/**
 * Reads `[[webhooks.subscriptions]]` blocks (topics = [...], uri = "...") from shopify.app.toml.
 * Only the keys the stand-in needs; anything else in the file is ignored.
 */
export function readTomlSubscriptions(path: string): WebhookSub[] {
  if (!existsSync(path)) return [];
  const subs: WebhookSub[] = [];
  let inBlock = false;
  let topics: string[] = [];
  let uri: string | null = null;
  const flush = () => {
    if (inBlock && uri) for (const t of topics) subs.push({ topic: t, uri });
    topics = [];
    uri = null;
  };
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (line.startsWith("[")) {
      flush();
      inBlock = line === "[[webhooks.subscriptions]]";
      continue;
    }
    if (!inBlock) continue;
    const m = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    if (m[1] === "topics" || m[1] === "compliance_topics") topics = [...topics, ...[...m[2]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!)];
    if (m[1] === "uri") uri = /"([^"]+)"/.exec(m[2]!)?.[1] ?? null;
  }
  flush();
  return subs;
}

export interface WebhookDeps {
  store: Store;
  subs: () => WebhookSub[];
  appUrl: string | undefined;
  apiSecret: string;
  clock: Clock;
  /** delays between attempts in ms (default 50, 200, 800) */
  retryDelays?: number[];
}

/** Queues deliveries; each is POSTed with Shopify's headers and retried on failure. */
export class WebhookDispatcher {
  private pending = new Set<Promise<void>>();

  constructor(private readonly deps: WebhookDeps) {}

  emit(topic: string, payload: unknown): void {
    const subs = this.deps.subs().filter((s) => s.topic === topic);
    for (const s of subs) {
      const p = this.deliver(topic, s.uri, payload).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** resolves when every queued delivery has finished (delivered or given up) */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private url(uri: string): string | null {
    if (/^https?:\/\//.test(uri)) return uri;
    if (!this.deps.appUrl) return null;
    return new URL(uri, this.deps.appUrl).toString();
  }

  async deliver(topic: string, uri: string, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const id = randomUUID();
    const url = this.url(uri);
    const entry = { id, topic, url: url ?? uri, attempts: 0, status: null as number | null, delivered: false, body, error: undefined as string | undefined };
    this.deps.store.webhookLog.push(entry);
    if (!url) {
      entry.error = "no appUrl configured";
      return;
    }
    const headers = {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, this.deps.apiSecret),
      "X-Shopify-Shop-Domain": this.deps.store.shop.myshopifyDomain,
      "X-Shopify-Webhook-Id": id,
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Triggered-At": iso(this.deps.clock()),
    };
    const delays = this.deps.retryDelays ?? [50, 200, 800];
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      entry.attempts = attempt + 1;
      try {
        const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5000) });
        entry.status = res.status;
        await res.arrayBuffer();
        if (res.ok) {
          entry.delivered = true;
          entry.error = undefined;
          return;
        }
        entry.error = `HTTP ${res.status}`;
      } catch (e) {
        entry.error = (e as Error).message;
      }
      const wait = delays[attempt];
      if (wait !== undefined) await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** `[access_scopes] scopes = "..."` from shopify.app.toml: what a token exchange grants. */
export function readTomlScopes(path: string): string | null {
  if (!existsSync(path)) return null;
  let section = "";
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (line.startsWith("[")) section = line;
    const m = /^scopes\s*=\s*"([^"]*)"/.exec(line);
    if (section === "[access_scopes]" && m) return m[1]!;
  }
  return null;
}
