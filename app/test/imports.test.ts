// The shape of app/'s imports: no module loads itself back through others (an import cycle makes
// load order decide what is defined), and nothing below app/routes loads a route (routes sit on top:
// they authenticate, parse, call a service and answer). Edges are what runs: static imports and
// re-exports and dynamic import(); type-only imports are erased and not counted (./import-graph.ts).
import { describe, expect, it } from "vitest";
import { cyclePath, importCycles, importGraph } from "./import-graph";

const graph = importGraph();

// A test, a fixture or a test helper may load routes to exercise them; nothing the app runs may.
const isTestCode = (file: string) => /\.(test|fixture)\.tsx?$/.test(file) || file.startsWith("test/");

// Test helpers live under app/test (test code may load routes); nothing else below app/routes may.
const ROUTE_IMPORTS_KNOWN: readonly string[] = [];

describe("app/ imports", () => {
  it("reads the graph (sanity: the job worker loads the webhook registry, not a route)", () => {
    expect(graph.get("jobs/kinds.server.ts")).toContain("webhooks/job.server.ts");
    expect(graph.get("webhooks/job.server.ts")).toContain("webhooks/registry.server.ts");
    expect(graph.size).toBeGreaterThan(100);
  });

  it("has no import cycle", () => {
    const loops = importCycles(graph).map((scc) => cyclePath(graph, scc));
    expect(loops, `import cycles:\n${loops.join("\n")}`).toEqual([]);
  });

  it("finds a cycle when there is one, and names it", () => {
    const g = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
    ]);
    expect(importCycles(g)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(cyclePath(g, ["a.ts", "b.ts", "c.ts"])).toBe("a.ts -> b.ts -> c.ts -> a.ts");
  });

  it("nothing below app/routes imports a route", () => {
    const edges = [...graph].flatMap(([from, tos]) =>
      from.startsWith("routes/") || isTestCode(from) ? [] : tos.filter((to) => to.startsWith("routes/")).map((to) => `${from} -> ${to}`),
    );
    expect(edges.sort()).toEqual([...ROUTE_IMPORTS_KNOWN].sort());
  });
});
