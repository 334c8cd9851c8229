// Shared headless-Chromium launcher for the preview tests.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";

export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../artifacts");

export function chromiumPath(): string | undefined {
  const p = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return existsSync(p) ? p : undefined;
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/**
 * Collects what a preview page reports as broken (uncaught errors, console errors, failed requests),
 * so a frame that never mounts fails with its reason instead of only a timeout.
 */
export function watchPage(page: Page): { errors: string[]; problems: string[] } {
  const errors: string[] = [];
  const problems: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`));
  return { errors, problems };
}

/** Waits until every frame of the preview has mounted its extension (body[data-preview-ready]). */
export async function waitForFrames(page: Page, seen: { errors: string[]; problems: string[] }, timeoutMs = 45_000): Promise<void> {
  for (const f of page.frames().slice(1)) {
    try {
      await f.waitForSelector("body[data-preview-ready]", { state: "attached", timeout: timeoutMs });
    } catch (e) {
      const pending = page.frames().slice(1).filter((x) => !x.isDetached()).map((x) => x.url());
      throw new Error(`frame ${f.url()} did not mount: ${(e as Error).message.split("\n")[0]}; frames: ${pending.join(", ")}; page errors: ${JSON.stringify(seen.errors)}; problems: ${JSON.stringify(seen.problems)}`);
    }
  }
}

/**
 * The mounted frame of one target, waiting for it to appear (after a navigation, an `extension:` link) and to
 * mount its extension.
 */
export async function targetFrame(page: Page, target: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const f = page.frames().find((x) => !x.isDetached() && x.url().includes(encodeURIComponent(target)));
    if (f) {
      await f.waitForSelector("body[data-preview-ready]", { state: "attached", timeout: Math.max(1, deadline - Date.now()) });
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame for ${target}`);
}
