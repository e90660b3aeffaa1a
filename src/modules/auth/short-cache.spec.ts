import { ShortCache } from './short-cache';

describe('ShortCache', () => {
  let t = 0;
  const now = () => t;
  beforeEach(() => (t = 1_000));

  it('answers from memory within the lifetime and asks again after it', async () => {
    const cache = new ShortCache<string | null>(3000, 10, now);
    let calls = 0;
    const load = async () => `v${++calls}`;
    expect(await cache.get('u', load)).toBe('v1');
    t += 2999;
    expect(await cache.get('u', load)).toBe('v1');
    t += 1;
    expect(await cache.get('u', load)).toBe('v2');
  });

  it('remembers nothing with a lifetime of 0', async () => {
    const cache = new ShortCache<number>(0, 10, now);
    let calls = 0;
    await cache.get('u', async () => ++calls);
    await cache.get('u', async () => ++calls);
    expect(calls).toBe(2);
  });

  it('shares one lookup between concurrent misses and forgets a failed one', async () => {
    const cache = new ShortCache<number>(3000, 10, now);
    let calls = 0;
    const slow = () => new Promise<number>((r) => setImmediate(() => r(++calls)));
    expect(await Promise.all([cache.get('u', slow), cache.get('u', slow)])).toEqual([1, 1]);
    await expect(cache.get('e', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('e', async () => 7)).toBe(7);
  });

  it('stays bounded under a flood of distinct keys', async () => {
    const cache = new ShortCache<number>(3000, 10, now);
    for (let i = 0; i < 100; i++) await cache.get(`k${i}`, async () => i);
    expect((cache as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(10);
  });
});
