/** Rejects when `p` has not settled within `ms` (a Redis or database call must not hang a request). */
export function withTimeout<T>(p: Promise<T>, ms: number, what = 'no answer'): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} in ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}
