/**
 * The app origin this extension calls (its backend: docs/decisions/060-ui-extensions.md).
 *
 * The implementation, app-url.ts beside this file, is generated and gitignored, so no placeholder URL is
 * ever committed or shipped: `npm run build:extensions` writes it from SHOPIFY_APP_URL (a deploy build
 * fails when that is missing), `npm run dev` writes the `shopify app dev` variant that takes the CLI's
 * tunnel URL, and the preview host and tests substitute their local URL (preview/bundle.ts). Without it a
 * build fails to resolve "./app-url". See extensions/app-url.ts and docs/decisions/140-go-live-preflight.md.
 */
export declare const APP_URL: string;
