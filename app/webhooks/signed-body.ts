// Reads a webhook body without trusting it: the size is capped before a byte is read (Content-Length)
// and while reading (bytes counted as they arrive), and the HMAC is computed over the chunks as they
// stream in, so an unsigned or oversized POST costs at most `maxBytes` of memory and is refused
// before anything is parsed. Shopify signs the raw body with the app's secret (base64 HMAC-SHA256 in
// X-Shopify-Hmac-Sha256): https://shopify.dev/docs/apps/build/webhooks/subscribe/https
import { createHmac, timingSafeEqual } from "node:crypto";

export const HMAC_HEADER = "X-Shopify-Hmac-Sha256";

/** A webhook refusal: JSON naming the code and the field (header or body) at fault. */
export function refusal(status: number, code: string, field: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, field, message } }), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

export const badSignature = () => refusal(401, "unauthorized", HMAC_HEADER, "does not match the body signed with the app's secret");
const tooLarge = (maxBytes: number) => refusal(413, "payload_too_large", "body", `must be at most ${maxBytes} bytes for this topic`);

/**
 * The body's bytes once its size is within `maxBytes` and its signature matches; otherwise throws the
 * Response to answer (413 too large, 400 missing signature or bad Content-Length, 401 wrong
 * signature). Comparison is constant-time.
 */
export async function readSignedBody(request: Request, opts: { secret: string; maxBytes: number }): Promise<Uint8Array<ArrayBuffer>> {
  const signature = request.headers.get(HMAC_HEADER);
  if (!signature) throw refusal(400, "invalid_webhook", HMAC_HEADER, "is required");
  const declared = request.headers.get("Content-Length");
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared.trim())) throw refusal(400, "invalid_webhook", "Content-Length", "must be a number of bytes");
    if (Number(declared) > opts.maxBytes) throw tooLarge(opts.maxBytes);
  }
  const mac = createHmac("sha256", opts.secret);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) {
        // Stop reading: the rest of the upload is never buffered.
        await reader.cancel().catch(() => {});
        throw tooLarge(opts.maxBytes);
      }
      mac.update(value);
      chunks.push(value);
    }
  }
  // The header must be exactly the base64 digest (a lenient decode would accept other spellings of it).
  const expected = Buffer.from(mac.digest("base64"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw badSignature();
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
