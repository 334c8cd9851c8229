import { describe, expect, it } from "vitest";
import { count, percent } from "./count";

describe("count", () => {
  it("follows English plural rules", () => {
    expect(count(0, "unit", "units")).toBe("0 units");
    expect(count(1, "unit", "units")).toBe("1 unit");
    expect(count(2, "unit", "units")).toBe("2 units");
    expect(count(1200, "order", "orders")).toBe("1,200 orders");
  });
  it("writes basis points as a percentage", () => {
    expect(percent(1234)).toBe("12.3%");
    expect(percent(0)).toBe("0.0%");
  });
});
