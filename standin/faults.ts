/**
 * throttle: THROTTLED without draining the bucket; http500: a 500 before anything runs; timeout: never
 * answers and applies nothing; userErrors: each mutation payload answers one userError; lostAnswer: the
 * call runs (a mutation applies, its webhooks are emitted) and the answer is never sent, as when the
 * caller dies or the connection drops after Shopify applied it.
 */
export type FaultKind = "throttle" | "http500" | "timeout" | "userErrors" | "lostAnswer";

export interface FaultSpec {
  /** operation name to match exactly */
  operationName?: string;
  /** substring (or /regex/) matched against the query text */
  match?: string;
  kind: FaultKind;
  /** how many matching requests to affect (default 1) */
  times?: number;
}

interface Armed extends FaultSpec {
  remaining: number;
}

/** Programmable failures for tests: the next N matching GraphQL calls fail the chosen way. */
export class Faults {
  private armed: Armed[] = [];

  inject(spec: FaultSpec): void {
    const kinds: FaultKind[] = ["throttle", "http500", "timeout", "userErrors", "lostAnswer"];
    if (!kinds.includes(spec.kind)) throw new Error(`faults.inject: kind must be one of ${kinds.join(", ")}`);
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error("faults.inject: times must be a positive integer");
    this.armed.push({ ...spec, remaining: times });
  }

  clear(): void {
    this.armed = [];
  }

  list(): readonly Armed[] {
    return this.armed;
  }

  /** consumes one use of the first fault matching this request */
  take(operationName: string | null, query: string): FaultKind | null {
    const f = this.armed.find((a) => {
      if (a.operationName && a.operationName !== operationName) return false;
      if (a.match) {
        const re = /^\/(.*)\/([a-z]*)$/.exec(a.match);
        if (re ? !new RegExp(re[1]!, re[2]).test(query) : !query.includes(a.match)) return false;
      }
      return true;
    });
    if (!f) return null;
    f.remaining -= 1;
    if (f.remaining <= 0) this.armed = this.armed.filter((a) => a !== f);
    return f.kind;
  }
}
