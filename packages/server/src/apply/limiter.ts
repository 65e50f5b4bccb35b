/**
 * Sliding-window counters in memory (one server process), on the server's clock: how many times a
 * key (a publishable key, a client address) acted in the last `windowMs`, and when it may again.
 * Old entries are pruned as they are read and in a periodic sweep, so memory follows the active
 * clients only.
 */
export interface WindowLimit {
  /** At most this many in `windowMs`. */
  max: number;
  windowMs: number;
}

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: WindowLimit,
    private readonly now: () => number,
  ) {}

  private recent(key: string, at: number): number[] {
    const list = this.hits.get(key);
    if (!list) return [];
    const from = at - this.limit.windowMs;
    let i = 0;
    while (i < list.length && list[i]! <= from) i++;
    if (i > 0) list.splice(0, i);
    if (list.length === 0) this.hits.delete(key);
    return list;
  }

  /** How many in the window now. */
  count(key: string): number {
    return this.recent(key, this.now()).length;
  }

  /** Seconds until one more would be allowed (0: allowed now). */
  retryAfter(key: string): number {
    const at = this.now();
    const list = this.recent(key, at);
    if (list.length < this.limit.max) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.limit.max]! + this.limit.windowMs - at) / 1000));
  }

  /** Counts one (whether or not it was allowed: refused attempts count too). */
  hit(key: string): void {
    const at = this.now();
    this.sweep(at);
    const list = this.recent(key, at);
    list.push(at);
    this.hits.set(key, list);
  }

  private sweep(at: number) {
    if (at - this.lastSweep < this.limit.windowMs) return;
    this.lastSweep = at;
    for (const key of [...this.hits.keys()]) this.recent(key, at);
  }

  /** Keys held (for tests and metrics). */
  get size(): number {
    return this.hits.size;
  }
}
