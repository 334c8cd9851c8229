import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseToml, TomlError } from "./toml";

describe("parseToml", () => {
  it("reads scalars, tables, dotted keys, arrays over lines and arrays of tables; # in strings is not a comment", () => {
    const t = parseToml(`
# a comment
name = "Policy # Returns" # trailing
count = 1_000
on = true
literal = 'C:\\path'
[build]
automatically_update_urls_on_dev = false
[auth]
redirect_urls = [
  "https://a.shop-app.com/cb", # first
  "https://a.shop-app.com/cb2",
]
[webhooks]
api_version = "2026-07"
  [[webhooks.subscriptions]]
  topics = ["app/uninstalled"]
  uri = "/webhooks/app/uninstalled"
  [[webhooks.subscriptions]]
  compliance_topics = [ "shop/redact" ]
  uri = "/webhooks/shop/redact"
[extensions.capabilities]
network_access = true
`);
    expect(t.name).toBe("Policy # Returns");
    expect(t.count).toBe(1000);
    expect(t.on).toBe(true);
    expect(t.literal).toBe("C:\\path");
    expect(t.build).toEqual({ automatically_update_urls_on_dev: false });
    expect(t.auth).toEqual({ redirect_urls: ["https://a.shop-app.com/cb", "https://a.shop-app.com/cb2"] });
    expect(t.webhooks).toEqual({
      api_version: "2026-07",
      subscriptions: [
        { topics: ["app/uninstalled"], uri: "/webhooks/app/uninstalled" },
        { compliance_topics: ["shop/redact"], uri: "/webhooks/shop/redact" },
      ],
    });
    expect(t.extensions).toEqual({ capabilities: { network_access: true } });
  });

  it("reads the committed shopify.app.toml", () => {
    const t = parseToml(readFileSync(path.resolve(__dirname, "../../shopify.app.toml"), "utf8"));
    expect(t.handle).toBe("policy-returns");
    expect((t.webhooks as { subscriptions: unknown[] }).subscriptions.length).toBeGreaterThan(10);
  });

  it("names the line it cannot read instead of guessing", () => {
    expect(() => parseToml('a = "x"\nb = {inline = 1}\n')).toThrow(TomlError);
    expect(() => parseToml('a = "x"\nb = {inline = 1}\n')).toThrow(/line 2/);
    expect(() => parseToml("just words\n")).toThrow(/line 1: expected key = value/);
    expect(() => parseToml('a = "open\n')).toThrow(/unterminated string/);
  });
});
