import { describe, expect, it } from "vitest";
import { traceLabel } from "./labels";

describe("traceLabel", () => {
  const inAuckland = (iso: string) =>
    new Date(iso).toLocaleString("en", { timeZone: "Pacific/Auckland", day: "numeric", month: "short", year: "numeric" });

  it("names the engine's checks in words and shows instants in the shop's time zone", () => {
    expect(traceLabel({ rule: "window", detail: "return window ends 2026-12-08T10:59:59.999Z" }, inAuckland)).toBe(
      "Within the claim window (return window ends Dec 8, 2026)",
    );
    expect(traceLabel({ rule: "evidence", detail: "0/1 photos" }, inAuckland)).toBe("Photos attached (0/1 photos)");
  });

  it("shows policy rules by their id in words, and unknown checks as they are", () => {
    expect(traceLabel({ rule: "rule:final-sale" }, inAuckland)).toBe("Rule “final sale”");
    expect(traceLabel({ rule: "something-new" }, inAuckland)).toBe("something-new");
  });
});
