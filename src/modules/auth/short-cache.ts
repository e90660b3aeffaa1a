/**
 * Remembers a lookup's answer (including "no such user") for a few seconds, so a burst of requests
 * with one token costs one query, while a changed role or a deleted user shows within `ttlMs`.
 * Concurrent misses for one key share one lookup.
 */
export class ShortCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > t) return hit.value;
    const value = load();
    if (this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) this.evictExpired(t);
      this.entries.set(key, { value, until: t + this.ttlMs });
      // A failed lookup (database blip) is not remembered.
      value.catch(() => this.entries.delete(key));
    }
    return value;
  }

  /** Forgets a key at once, e.g. after this process changed that user. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  private evictExpired(t: number): void {
    for (const [k, e] of this.entries) if (e.until <= t) this.entries.delete(k);
    // Still full of live entries (a flood of distinct ids): start afresh rather than grow without bound.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
}
