import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { allowAdminOriginToFrame } from "./shopify/admin-origin.server";
import { startJobWorker, stopJobWorkerOnSignals } from "./jobs";
import { installLogRedaction } from "./logging/redact";
import { migrateOfflineTokensAtStart } from "./shopify/admin-client.server";

// Before anything logs: no session token, signature or access token reaches the logs (the access
// log writes full URLs, and embedded page loads carry id_token).
installLogRedaction();

// One job worker per server process (webhook processing and other queued work, app/jobs). Durable:
// jobs left by a crash are taken up by any instance after their lease. `npm run worker` runs more.
void startJobWorker().catch((error: unknown) => console.error("job worker failed to start", error));
stopJobWorkerOnSignals();
// Shops installed when the app still received non-expiring offline tokens get an expiring pair now
// (docs/decisions/120-expiring-offline-tokens.md); nothing to do once all are migrated.
void migrateOfflineTokensAtStart().catch((error: unknown) => console.error("offline token migration failed", error));

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Sets the Content-Security-Policy frame-ancestors header Shopify's admin needs.
  addDocumentResponseHeaders(request, responseHeaders);
  allowAdminOriginToFrame(responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    // Let React finish pending suspense boundaries before the stream times out.
    setTimeout(abort, streamTimeout + 1000);
  });
}
