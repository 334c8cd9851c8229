import type { Store } from "../state/store";
import type { Clock } from "../clock";

export interface Ctx {
  store: Store;
  clock: Clock;
  /** origin of the stand-in, for upload targets and file URLs */
  origin: string;
  /** queue a webhook for a state change */
  emit: (topic: string, payload: unknown) => void;
  /** runtime type of a record (for Node/interfaces) */
  typeOf: WeakMap<object, string>;
  /** @idempotent(key:) directive value on the mutation field being executed, if any */
  idempotencyKey: string | null;
}

export function tag<T extends object>(ctx: Ctx, type: string, rec: T): T;
export function tag<T extends object>(ctx: Ctx, type: string, rec: T | null | undefined): T | null;
export function tag<T extends object>(ctx: Ctx, type: string, rec: T | null | undefined): T | null {
  if (!rec) return null;
  ctx.typeOf.set(rec, type);
  return rec;
}
