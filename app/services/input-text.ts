// Refusing text that cannot be stored where it enters: a JSON body (shopper API) or a form and query
// string (staff screens) holding a NUL character or an unpaired surrogate anywhere is a 400 naming
// the field, before anything is read from Shopify or written (app/db/text.ts says why).
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "~/db/text";

export { UNSTORABLE_TEXT_MESSAGE };

export interface TextProblem {
  field: string;
  message: string;
}

const join = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** The first string (value or object key) in a parsed JSON value that cannot be stored, by its path (lines[0].note). */
export function unstorableTextIn(value: unknown, path = ""): TextProblem | null {
  if (typeof value === "string") return isStorableText(value) ? null : { field: path || "body", message: UNSTORABLE_TEXT_MESSAGE };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = unstorableTextIn(value[i], join(path, i));
      if (p) return p;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (!isStorableText(k)) return { field: path || "body", message: `has a key that ${UNSTORABLE_TEXT_MESSAGE.replace(/^must be/, "is not")}` };
      const p = unstorableTextIn(v, join(path, k));
      if (p) return p;
    }
  }
  return null;
}

/** The first form field or query parameter (name or value) that cannot be stored. */
export function unstorableTextInPairs(pairs: Iterable<[string, FormDataEntryValue | string]>): TextProblem | null {
  for (const [name, value] of pairs) {
    if (!isStorableText(name)) return { field: "form", message: `has a field name that ${UNSTORABLE_TEXT_MESSAGE.replace(/^must be/, "is not")}` };
    const text = typeof value === "string" ? value : value.name;
    if (!isStorableText(text)) return { field: name, message: UNSTORABLE_TEXT_MESSAGE };
  }
  return null;
}

/**
 * The first piece of a request's text that cannot be stored: a path segment (route params such as a
 * request id), a query parameter (the queue's search) or, for a form post, a form field.
 */
export async function unstorableTextInRequest(request: Request): Promise<TextProblem | null> {
  const url = new URL(request.url);
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // not percent-encoding Remix can decode either; the route refuses it
    }
    if (!isStorableText(decoded)) return { field: "path", message: UNSTORABLE_TEXT_MESSAGE };
  }
  const query = unstorableTextInPairs(url.searchParams);
  if (query || request.method === "GET" || request.method === "HEAD") return query;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return null; // not a form: the route reads its body itself
  }
  return unstorableTextInPairs(form);
}
