/**
 * A small time-bounded cache of lookups (promises, so concurrent callers share one query).
 * Bounded in size: a flood of made-up keys cannot grow it without limit. A failed lookup is
 * forgotten at once, so the next caller tries again.
 */
export class LookupCache<T> {
  private readonly entries = new Map<string, { until: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const clock = performance.now();
    let entry = this.entries.get(key);
    if (!entry || entry.until < clock) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      const value = load();
      entry = { until: clock + this.ttlMs, value };
      this.entries.set(key, entry);
      value.catch(() => this.entries.delete(key));
    }
    return entry.value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
