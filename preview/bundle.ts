// esbuild settings mirroring how Shopify CLI bundles a UI extension: one ESM bundle per extension,
// minified, Preact JSX, no Node globals. Used by the preview host and by extensions/build.ts.
import * as esbuild from "esbuild";
import path from "node:path";
import type { ExtensionSpec } from "./toml";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface BundleOptions {
  /**
   * The backend URL the customer-returns extension calls, served as its "./app-url" module. When absent,
   * the generated extensions/customer-returns/src/app-url.ts is bundled, as Shopify CLI does.
   */
  appUrl?: string;
  minify?: boolean;
}

/** Serves customer-returns' "./app-url" (normally the generated app-url.ts) with a given URL. */
function appUrlPlugin(appUrl: string): esbuild.Plugin {
  return {
    name: "app-url",
    setup(build) {
      build.onResolve({ filter: /^\.\/app-url$/ }, (args) =>
        path.basename(path.dirname(args.importer)) === "src" && args.importer.includes(`${path.sep}customer-returns${path.sep}`)
          ? { path: "app-url", namespace: "app-url" }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "app-url" }, () => ({
        contents: `export const APP_URL = ${JSON.stringify(appUrl)};`,
        loader: "js",
      }));
    },
  };
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
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: o.appUrl === undefined ? [] : [appUrlPlugin(o.appUrl)],
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

/**
 * One target module as an ES module whose default export the preview frame calls. The preview never
 * depends on the generated backend URL: it serves its own (or "" without --app: calls go nowhere).
 */
export async function bundleTarget(modulePath: string, o: BundleOptions = {}): Promise<string> {
  const result = await esbuild.build({ ...common({ ...o, appUrl: o.appUrl ?? "" }), entryPoints: [modulePath], absWorkingDir: path.dirname(modulePath) });
  return result.outputFiles?.[0]?.text ?? "";
}

export async function bundleRuntime(): Promise<string> {
  const result = await esbuild.build({
    ...common({ minify: false }),
    entryPoints: [path.resolve(HERE, "runtime.ts")],
  });
  return result.outputFiles?.[0]?.text ?? "";
}
