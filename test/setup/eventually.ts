const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a value (not undefined) and returns it; throws naming `what` after
 * `timeoutMs`. For states another process or connection reaches in its own time: on a 2-core
 * machine kept busy by other work a step can take many times what it takes on a quiet one, so a
 * spec waits for the state it needs, never for a fixed time, and the bound is generous (a limit
 * on a hang, not a speed check).
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(intervalMs);
  }
}

/** `value` when `holds`, else undefined: the probe shape `eventually` waits on. */
export const when = <T>(value: T, holds: (v: T) => boolean): T | undefined => (holds(value) ? value : undefined);
