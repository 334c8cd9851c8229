/** Generic Relay connection over an in-memory array: first/last/after/before/reverse, opaque cursors. */
export interface ConnArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { k?: unknown };
    return typeof v.k === "string" ? v.k : null;
  } catch {
    return null;
  }
}

function keyOf(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : `#${index}`;
}

export function connection<T>(all: readonly T[], args: ConnArgs) {
  let items = all.map((node, i) => ({ node, key: keyOf(node, i) }));
  if (args.reverse) items = items.reverse();
  const start = args.after ? items.findIndex((x) => x.key === decodeCursor(args.after!)) + 1 : 0;
  let end = items.length;
  if (args.before) {
    const b = items.findIndex((x) => x.key === decodeCursor(args.before!));
    if (b >= 0) end = b;
  }
  let slice = items.slice(Math.max(0, start), end);
  let hasNextPage = end < items.length;
  let hasPreviousPage = start > 0;
  if (args.first != null) {
    if (slice.length > args.first) hasNextPage = true;
    slice = slice.slice(0, args.first);
  }
  if (args.last != null) {
    if (slice.length > args.last) hasPreviousPage = true;
    slice = slice.slice(Math.max(0, slice.length - args.last));
  }
  const edges = slice.map((x) => ({ cursor: encodeCursor(x.key), node: x.node }));
  return {
    edges,
    nodes: slice.map((x) => x.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Shopify rejects connections without first/last. */
export function requirePageSize(args: ConnArgs): string | null {
  if (args.first == null && args.last == null) return "you must provide one of first or last";
  return null;
}
