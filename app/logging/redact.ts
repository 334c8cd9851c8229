// Nothing that authenticates a request is written to the logs. remix-serve's access log (morgan
// "tiny") writes each request's full URL, and an embedded page load carries the App Bridge session
// token in `id_token` (plus `session` and `hmac`): a logged token is a credential for the rest of its
// minute. Error logs can carry Authorization headers or, in the library's messages, a whole token.
// installLogRedaction() filters every line the process writes to stdout and stderr (morgan's lines,
// console.*, the Shopify library's logger), whoever wrote it.
// Embedded app URLs carry id_token, session, hmac, host, shop, timestamp:
// https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens

const REDACTED = "[redacted]";

/** Query parameters whose value authenticates or signs something. */
const SECRET_PARAMS = ["id_token", "session", "hmac", "signature", "code", "state", "token", "access_token", "refresh_token", "subject_token", "client_secret"];
const SECRET_PARAM = new RegExp(`([?&;](?:${SECRET_PARAMS.join("|")})=)[^&\\s"'#]*`, "gi");
/** The same inside a URL that is itself a percent-encoded parameter (shopify-reload=%2Fapp%3Fid_token%3D...). */
const ENCODED_SECRET_PARAM = new RegExp(`((?:%3F|%26)(?:${SECRET_PARAMS.join("|")})%3D)(?:(?!%26)[^&\\s"'#])*`, "gi");
/** Headers that carry credentials, as written by util.inspect, JSON or raw HTTP. */
const SECRET_HEADER = /((?:authorization|x-shopify-access-token|x-shopify-hmac-sha256)["']?\s*[:=,]\s*["']?(?:Bearer\s+)?)[^\s"',}\]]+/gi;
/** A JWT anywhere (header and payload are base64url JSON: they start with "eyJ"). */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** Shopify access tokens by their prefixes (offline/online access, custom app, storefront). */
const SHOPIFY_TOKEN = /\b(shp(?:at|ca|ua|ss|pa|tka))_[A-Za-z0-9]+/g;

export function redactSecrets(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(SHOPIFY_TOKEN, `$1_${REDACTED}`)
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(ENCODED_SECRET_PARAM, `$1${REDACTED}`)
    .replace(SECRET_HEADER, `$1${REDACTED}`);
}

type Write = typeof process.stdout.write;

function redacting(original: Write, stream: NodeJS.WriteStream): Write {
  return function write(this: unknown, chunk: unknown, ...rest: unknown[]) {
    let out = chunk;
    if (typeof chunk === "string") out = redactSecrets(chunk);
    else if (chunk instanceof Uint8Array) {
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
      const clean = redactSecrets(text);
      if (clean !== text) out = Buffer.from(clean, "utf8");
    }
    return (original as (...args: unknown[]) => boolean).call(stream, out, ...rest);
  } as Write;
}

declare global {
  var logRedactionInstalled: boolean | undefined;
}

/** Filters stdout and stderr of this process through redactSecrets (once per process). */
export function installLogRedaction(): void {
  if (globalThis.logRedactionInstalled) return;
  globalThis.logRedactionInstalled = true;
  process.stdout.write = redacting(process.stdout.write, process.stdout);
  process.stderr.write = redacting(process.stderr.write, process.stderr);
}
