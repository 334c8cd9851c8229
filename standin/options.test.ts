/** startStandin's tomlPath and schemaPath options: another app config and another schema file are honoured. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { schemaPath, startStandin, tomlScopes } from "./index";
import { exchange, TEST_KEY, TEST_SECRET } from "./testing";

const dir = mkdtempSync(join(tmpdir(), "standin-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("startStandin options", () => {
  it("tomlPath: the token exchange grants that config's scopes and its webhook subscriptions apply", async () => {
    const toml = join(dir, "shopify.app.other.toml");
    writeFileSync(
      toml,
      ['[access_scopes]', 'scopes = "read_orders"', "", "[webhooks]", 'api_version = "2026-07"', "", "[[webhooks.subscriptions]]", 'topics = ["orders/updated"]', 'uri = "/webhooks/orders"', ""].join("\n"),
    );
    expect(tomlScopes(toml)).toBe("read_orders");
    const s = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, seed: "empty", tomlPath: toml });
    try {
      const ex = await exchange(s, s.mintAdminSessionToken());
      expect(ex.status).toBe(200);
      expect(ex.body.scope).toBe("read_orders");
      expect(s.store.webhookSubs.map((w) => w.topic)).toEqual(["orders/updated"]);
    } finally {
      await s.close();
    }
  });

  it("schemaPath: the stand-in builds the schema from that file", async () => {
    await expect(startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, seed: "empty", schemaPath: join(dir, "missing.graphql") })).rejects.toThrow(/ENOENT/);
    const s = await startStandin({ apiKey: TEST_KEY, apiSecret: TEST_SECRET, seed: "empty", webhooks: [], schemaPath: schemaPath() });
    await s.close();
  });
});
