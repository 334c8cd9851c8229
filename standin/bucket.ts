import type { Clock } from "./clock";

export interface BucketConfig {
  max: number;
  restorePerSecond: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** Leaky bucket per shop, refilled continuously from an injectable clock. */
export class LeakyBucket {
  private available: number;
  private last: number;

  constructor(
    private readonly cfg: BucketConfig,
    private readonly clock: Clock,
  ) {
    this.available = cfg.max;
    this.last = clock().getTime();
  }

  private refill(): void {
    const now = this.clock().getTime();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.available = Math.min(this.cfg.max, this.available + elapsed * this.cfg.restorePerSecond);
    this.last = now;
  }

  /** true when `cost` points are available (and takes them) */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** gives back points taken for the requested cost but not used by the actual cost */
  refund(points: number): void {
    this.available = Math.min(this.cfg.max, this.available + Math.max(0, points));
  }

  /** empties the bucket (fault injection) */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.cfg.max, currentlyAvailable: Math.floor(this.available), restoreRate: this.cfg.restorePerSecond };
  }
}
