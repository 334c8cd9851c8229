// The domain core stays pure: no Shopify, Remix, Prisma, database, network or clock. Checked on the source so
// a stray import fails the build instead of surfacing as a flaky test years later.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = dirname(fileURLToPath(import.meta.url));
const core = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("app/returns is a pure core", () => {
  it.each(core)("%s imports only zod and its siblings", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
    const dynamic = [...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    const foreign = [...specifiers, ...dynamic].filter((s) => s !== "zod" && !s!.startsWith("./"));
    expect(foreign).toEqual([]);
  });

  it.each(core)("%s never reads the clock", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    expect(text).not.toMatch(/Date\.now\s*\(/);
    expect(text).not.toMatch(/new Date\(\s*\)/);
    expect(text).not.toMatch(/performance\.now|process\.hrtime/);
  });
});
