// One list of topics: every topic the registry serves has its one-line route and its toml
// subscription, and every webhook route and subscription is a registry topic.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WEBHOOK_BODY_LIMITS } from "./payloads";
import { WEBHOOK_TOPICS, webhookHandlerFor, webhookTopic } from "./registry.server";

const root = new URL("../../", import.meta.url);
const routeTopic = (file: string) => file.replace(/^webhooks\./, "").replace(/\.tsx$/, "").replace(/\./g, "_").toUpperCase();

describe("webhook topic registry", () => {
  it("each registry topic has a one-line route calling webhookRoute with it, and each webhook route is a registry topic", () => {
    const routes = readdirSync(new URL("app/routes/", root)).filter((f) => f.startsWith("webhooks."));
    expect(routes.map(routeTopic).sort()).toEqual([...WEBHOOK_TOPICS].sort());
    for (const file of routes) {
      const code = readFileSync(new URL(`app/routes/${file}`, root), "utf8");
      expect(code, file).toContain(`export const action = webhookRoute("${routeTopic(file)}");`);
      expect(code.split("\n").filter((l) => /^(import|export)\b/.test(l)), file).toHaveLength(2);
    }
  });

  it("each registry topic is subscribed in shopify.app.toml at its route's URI, and nothing else is", () => {
    const toml = readFileSync(new URL("shopify.app.toml", root), "utf8");
    const subscribed = [...toml.matchAll(/(?:compliance_)?topics = \["([a-z_/]+)"\]\s*\n\s*uri = "([^"]+)"/g)].map(([, topic, uri]) => ({ topic: topic!, uri: uri! }));
    for (const s of subscribed) expect(s.uri).toBe(`/webhooks/${s.topic}`);
    expect(subscribed.map((s) => s.topic.replace("/", "_").toUpperCase()).sort()).toEqual([...WEBHOOK_TOPICS].sort());
  });

  it("gives each topic a body cap, a body check and a handler; unknown topics have none", () => {
    for (const topic of WEBHOOK_TOPICS) {
      const t = webhookTopic(topic)!;
      expect(t.maxBytes, topic).toBeGreaterThan(0);
      if (WEBHOOK_BODY_LIMITS[topic] !== undefined) expect(t.maxBytes, topic).toBe(WEBHOOK_BODY_LIMITS[topic]);
      expect(() => t.parse("a.myshopify.com", null), topic).toThrow(/JSON object/);
      expect(webhookHandlerFor(topic), topic).toBeTypeOf("function");
    }
    expect(webhookTopic("ORDERS_PAID")).toBeUndefined();
    expect(webhookHandlerFor("ORDERS_PAID")).toBeUndefined();
  });
});
