import { describe, expect, it } from "vitest";
import { OrderShapeHints } from "./order-shape-hints";

const shape = (lines: number) => ({ lines, fulfillments: 1, fulfillmentLines: lines });

describe("OrderShapeHints", () => {
  it("keeps the latest shape per shop and order, scoped by shop", () => {
    const h = new OrderShapeHints();
    h.set("a.myshopify.com", "gid://shopify/Order/1", shape(2));
    h.set("a.myshopify.com", "gid://shopify/Order/1", shape(3));
    expect(h.get("a.myshopify.com", "gid://shopify/Order/1")).toEqual(shape(3));
    expect(h.get("b.myshopify.com", "gid://shopify/Order/1")).toBeNull();
  });

  it("is bounded: the least recently used entry goes first", () => {
    const h = new OrderShapeHints(2);
    h.set("s", "1", shape(1));
    h.set("s", "2", shape(2));
    h.get("s", "1");
    h.set("s", "3", shape(3));
    expect(h.size).toBe(2);
    expect(h.get("s", "2")).toBeNull();
    expect(h.get("s", "1")).toEqual(shape(1));
  });
});
