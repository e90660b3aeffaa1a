/**
 * What the machine was doing when uploads were slow: every 100 ms, the wait events of the bench
 * database's active PostgreSQL backends and the kernel's CPU and IO pressure (Linux PSI, the
 * share of wall time some task was stalled). Comparing a slow second with the whole run tells a
 * CPU squeeze from a disk (WAL flush) stall.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { sleep } from './pipeline-common';

interface Sample {
  at: number;
  waits: string[];
  /** µs some task was stalled since the previous sample. */
  cpuStallUs: number;
  ioStallUs: number;
  intervalMs: number;
}

/** Cumulative "some" stall µs from /proc/pressure/<kind>; 0 where PSI is unavailable. */
function pressureUs(kind: 'cpu' | 'io'): number {
  const path = `/proc/pressure/${kind}`;
  if (!existsSync(path)) return 0;
  return Number(/total=(\d+)/.exec(readFileSync(path, 'utf8'))?.[1] ?? 0);
}

export interface StallSampler {
  stop: () => Promise<void>;
  /** A one-line digest of the samples taken between two wall-clock times (ms since epoch). */
  describe: (fromMs: number, toMs: number) => string;
}

export async function startStallSampler(url: string, dbName: string): Promise<StallSampler> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    let cpu = pressureUs('cpu');
    let io = pressureUs('io');
    let last = Date.now();
    while (running) {
      const { rows } = await db.query<{ w: string }>(
        `SELECT coalesce(wait_event_type, 'CPU') || '/' || coalesce(wait_event, '-') AS w
         FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [dbName],
      );
      const [c, i, now] = [pressureUs('cpu'), pressureUs('io'), Date.now()];
      samples.push({ at: now, waits: rows.map((r) => r.w), cpuStallUs: c - cpu, ioStallUs: i - io, intervalMs: now - last });
      [cpu, io, last] = [c, i, now];
      await sleep(100);
    }
  })();
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        running = false;
        await loop.catch(() => undefined);
        await db.end();
      })()),
    describe: (fromMs, toMs) => {
      const xs = samples.filter((s) => s.at >= fromMs && s.at < toMs);
      const ms = xs.reduce((a, s) => a + s.intervalMs, 0);
      if (xs.length === 0 || ms === 0) return 'no samples';
      const share = (us: number) => `${Math.round((100 * us) / 1000 / ms)} %`;
      const waits = new Map<string, number>();
      for (const w of xs.flatMap((s) => s.waits)) waits.set(w, (waits.get(w) ?? 0) + 1);
      const top = [...waits]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([w, n]) => `${w} ${(n / xs.length).toFixed(2)}`);
      return `CPU pressure ${share(xs.reduce((a, s) => a + s.cpuStallUs, 0))}, IO pressure ${share(xs.reduce((a, s) => a + s.ioStallUs, 0))}; backends per sample: ${top.join(', ') || 'none active'}`;
    },
  };
}
