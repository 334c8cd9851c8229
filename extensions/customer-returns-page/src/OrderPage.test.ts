// The request page's address and words: linked by Shopify's extension protocol, with its own locales (Shopify
// reads each extension's own) that carry every word of the form it mounts. The page itself runs in the browser
// tests (preview/customer-returns.browser.test.ts, demo/story.test.ts).
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Messages } from "../../../preview/i18n";
import { readExtension } from "../../../preview/toml";
import { orderHref, REQUEST_PAGE_HANDLE, requestPageHref } from "../../customer-returns/src/links";

const locales = (ext: string) => new URL(`../../${ext}/locales/`, import.meta.url);
const read = (ext: string, f: string) => JSON.parse(readFileSync(new URL(f, locales(ext)), "utf8")) as Messages;

function flatten(m: Messages, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !("one" in v || "other" in v)) Object.assign(out, flatten(v as Messages, key));
    else out[key] = v;
  }
  return out;
}

describe("the order's return request page", () => {
  it("links by Shopify's extension protocol with the order's numeric id, and back to the order", () => {
    expect(requestPageHref("gid://shopify/Order/8038")).toBe("extension:customer-returns-page/customer-account.order.page.render/8038/");
    expect(orderHref("gid://shopify/Order/8038")).toBe("shopify:customer-account/orders/8038");
    // the handle the links name is the page extension's
    const page = readExtension("customer-returns-page");
    expect(page.handle).toBe(REQUEST_PAGE_HANDLE);
    expect(page.targets.map((t) => t.target)).toEqual(["customer-account.order.page.render"]);
  });

  it("has every message of the form in every language, in the same words", () => {
    const files = readdirSync(locales("customer-returns")).filter((f) => f.endsWith(".json"));
    expect(readdirSync(locales("customer-returns-page")).filter((f) => f.endsWith(".json")).sort()).toEqual(files.sort());
    for (const f of files) {
      const page = flatten(read("customer-returns-page", f));
      for (const [key, words] of Object.entries(flatten(read("customer-returns", f)))) expect(page[key], `${f} ${key}`).toEqual(words);
      expect(typeof page["page.back"], f).toBe("string");
    }
  });
});
