/**
 * Pacing for long catalogue syncs. The AdminClient already waits when Shopify answers THROTTLED; this
 * transport wrapper avoids most of those answers in the first place: it remembers the leaky bucket's
 * last throttleStatus (extensions.cost) and each document's requested cost, estimates how much has
 * refilled since, and sleeps just long enough before sending a query the bucket could not afford.
 * Clock and sleep are injected so tests run on virtual time.
 */
import type { RawResult, Transport } from "~/shopify/admin-client";

export interface CostMeter {
  /** HTTP round trips sent (including THROTTLED answers). */
  calls: number;
  /** Answers that were THROTTLED (the AdminClient then waited and retried). */
  throttled: number;
  /** Sum of requestedQueryCost over executed calls, and of actualQueryCost. */
  requested: number;
  actual: number;
  /** Time this pacer spent waiting before sends, in ms. */
  pacedMs: number;
  /** Lowest currentlyAvailable seen. */
  minAvailable: number;
}

export function newCostMeter(): CostMeter {
  return { calls: 0, throttled: 0, requested: 0, actual: 0, pacedMs: 0, minAvailable: Number.POSITIVE_INFINITY };
}

export interface PacingOptions {
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds clock (Date.now in production). */
  nowMs: () => number;
  meter?: CostMeter;
  /** Points kept in reserve for other work on the same shop (webhooks, staff actions). Default 100. */
  reserve?: number;
}

interface BucketState {
  available: number;
  max: number;
  restoreRate: number;
  atMs: number;
}

export function pacedTransport(inner: Transport, opts: PacingOptions): Transport {
  const reserve = opts.reserve ?? 100;
  const expected = new Map<string, number>();
  let bucket: BucketState | null = null;

  return async (query, variables) => {
    const cost = expected.get(query);
    if (bucket && cost !== undefined && bucket.restoreRate > 0) {
      const elapsed = Math.max(0, opts.nowMs() - bucket.atMs) / 1000;
      const estimate = Math.min(bucket.max, bucket.available + elapsed * bucket.restoreRate);
      const need = Math.min(bucket.max, cost + reserve);
      if (estimate < need) {
        const waitMs = Math.ceil(((need - estimate) / bucket.restoreRate) * 1000);
        if (opts.meter) opts.meter.pacedMs += waitMs;
        await opts.sleep(waitMs);
      }
    }
    const result: RawResult = await inner(query, variables);
    const c = result.extensions?.cost;
    if (opts.meter) {
      opts.meter.calls++;
      if ((result.errors ?? []).some((e) => e.extensions?.code === "THROTTLED")) opts.meter.throttled++;
      else {
        opts.meter.requested += c?.requestedQueryCost ?? 0;
        opts.meter.actual += c?.actualQueryCost ?? 0;
      }
      if (c?.throttleStatus) opts.meter.minAvailable = Math.min(opts.meter.minAvailable, c.throttleStatus.currentlyAvailable);
    }
    if (typeof c?.requestedQueryCost === "number") expected.set(query, c.requestedQueryCost);
    if (c?.throttleStatus) {
      bucket = {
        available: c.throttleStatus.currentlyAvailable,
        max: c.throttleStatus.maximumAvailable,
        restoreRate: c.throttleStatus.restoreRate,
        atMs: opts.nowMs(),
      };
    }
    return result;
  };
}
