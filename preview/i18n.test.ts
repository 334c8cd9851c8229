import { describe, expect, it } from "vitest";
import { createTranslate } from "./i18n";
import { tokenFromBody } from "./serve";

describe("preview translate (Shopify i18n semantics)", () => {
  const en = { a: { b: "Hi {{name}}" }, n: { one: "{{count}} item", other: "{{count}} items" } };
  const fr = { a: { b: "Salut {{name}}" } };
  it("resolves dotted keys, interpolates, falls back, and returns unknown keys as is", () => {
    const t = createTranslate(fr, en, "fr");
    expect(t("a.b", { name: "Léa" })).toBe("Salut Léa");
    expect(t("n", { count: 1 })).toBe("1 item"); // from fallback
    expect(t("missing.key")).toBe("missing.key");
  });
  it("picks plural forms by count with the locale's rules", () => {
    const t = createTranslate(en, en, "en");
    expect(t("n", { count: 1 })).toBe("1 item");
    expect(t("n", { count: 2 })).toBe("2 items");
    expect(t("n", { count: 0 })).toBe("0 items");
  });
});

describe("stand-in session token body", () => {
  it("accepts plain text or JSON", () => {
    expect(tokenFromBody("abc.def.ghi\n")).toBe("abc.def.ghi");
    expect(tokenFromBody('{"token":"t1"}')).toBe("t1");
    expect(tokenFromBody('{"sessionToken":"t2"}')).toBe("t2");
    expect(() => tokenFromBody('{"nope":1}')).toThrow(/no token/);
  });
});
