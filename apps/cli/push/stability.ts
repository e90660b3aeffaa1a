/**
 * When a file is finished: instruments append to their file while measuring, so a file counts as
 * finished once its size and mtime have stayed the same for `stableMs`. Pure (the clock is passed in).
 */

export interface Seen {
  size: number;
  mtimeMs: number;
  /** When this size and mtime were first seen. */
  since: number;
}

export class StabilityTracker {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly stableMs: number) {}

  /** Records the file's current size and mtime; true when they have been unchanged for stableMs. */
  observe(path: string, size: number, mtimeMs: number, now: number): boolean {
    const prev = this.seen.get(path);
    if (!prev || prev.size !== size || prev.mtimeMs !== mtimeMs) {
      this.seen.set(path, { size, mtimeMs, since: now });
      return false;
    }
    return size > 0 && now - prev.since >= this.stableMs;
  }

  /** Forgets files no longer in the folder. */
  retain(paths: ReadonlySet<string>): void {
    for (const p of this.seen.keys()) if (!paths.has(p)) this.seen.delete(p);
  }
}
