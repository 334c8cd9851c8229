// esbuild settings mirroring how Shopify CLI bundles a UI extension: one ESM bundle per extension,
// minified, Preact JSX, no Node globals. Used by the preview host and by extensions/build.ts.
import * as esbuild from "esbuild";
import path from "node:path";
import type { ExtensionSpec } from "./toml";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface BundleOptions {
  appUrl?: string;
  minify?: boolean;
}

const common = (o: BundleOptions): esbuild.BuildOptions => ({
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2015", // what Shopify CLI targets for UI extensions
  minify: o.minify ?? true,
  jsx: "automatic",
  jsxImportSource: "preact",
  legalComments: "none",
  write: false,
  define: {
    __APP_URL__: JSON.stringify(o.appUrl ?? ""),
    "process.env.NODE_ENV": '"production"',
  },
  logLevel: "silent",
});

/** The whole extension as Shopify ships it: every target module behind one script (what the 64 KB cap counts). */
export async function bundleExtension(ext: ExtensionSpec, o: BundleOptions = {}): Promise<Uint8Array> {
  const entry = ext.targets
    .map((t, i) => `import t${i} from ${JSON.stringify(t.module)};\nshopify.extend(${JSON.stringify(t.target)}, t${i});`)
    .join("\n");
  const result = await esbuild.build({
    ...common(o),
    stdin: { contents: entry, resolveDir: ext.dir, sourcefile: `${ext.handle}-entry.js`, loader: "js" },
  });
  const out = result.outputFiles?.[0];
  if (!out) throw new Error(`esbuild produced no output for ${ext.name}`);
  return out.contents;
}

/** One target module as an ES module whose default export the preview frame calls. */
export async function bundleTarget(modulePath: string, o: BundleOptions = {}): Promise<string> {
  const result = await esbuild.build({ ...common(o), entryPoints: [modulePath], absWorkingDir: path.dirname(modulePath) });
  return result.outputFiles?.[0]?.text ?? "";
}

export async function bundleRuntime(): Promise<string> {
  const result = await esbuild.build({
    ...common({ minify: false }),
    entryPoints: [path.resolve(HERE, "runtime.ts")],
  });
  return result.outputFiles?.[0]?.text ?? "";
}
