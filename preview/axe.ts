// Automated accessibility checks in the browser tests: axe-core runs inside a page or frame (the admin app's
// iframe, an extension's frame) and reports the violations a person relying on a screen reader or a keyboard
// would meet. Tests insist on none rated serious or critical.
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending nodes (a few), so a failure says where */
  targets: string[];
}

/** Serious and critical axe violations (WCAG 2.x A/AA rules) in `target`'s document. */
export async function seriousViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const has = await target.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== "undefined");
  if (!has) await target.addScriptTag({ path: axePath });
  const all = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")) }));
  });
  return all.filter((v) => v.impact === "serious" || v.impact === "critical");
}
