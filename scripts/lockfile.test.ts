// `npm ci` refuses a lock that lacks any optional platform package (see scripts/lockfile-platform-stubs.mjs).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("package-lock.json", () => {
  it("lists every optional platform package, so npm ci accepts it on a fresh machine", () => {
    const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8")) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [path, meta] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
        let base = path;
        let found = false;
        for (;;) {
          if (`${base ? `${base}/` : ""}node_modules/${dep}` in lock.packages) {
            found = true;
            break;
          }
          if (!base) break;
          const i = base.lastIndexOf("/node_modules/");
          base = i >= 0 ? base.slice(0, i) : "";
        }
        if (!found) missing.push(`${dep} (for ${path})`);
      }
    }
    expect(missing, "run: node scripts/lockfile-platform-stubs.mjs").toEqual([]);
  });
});
