import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('lets at most `size` run at once, the others in arrival order, and frees a place when work fails', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const job = (i: number) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((r) => releases.push(r));
        running--;
        if (i === 1) throw new Error('boom');
        return i;
      });
    const all = Promise.allSettled([0, 1, 2, 3, 4].map(job));
    for (let done = 0; done < 5; done++) {
      while (releases.length === 0) await new Promise((r) => setImmediate(r));
      releases.shift()!();
    }
    const results = await all;
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
