/**
 * Shared pieces of the pipeline and report benchmarks: a private database that is always dropped
 * (also on failure and Ctrl-C), a private BullMQ prefix whose keys are deleted at the end,
 * nearest-rank percentiles, aligned tables and the machine line.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { quantile } from '../libs/analysis/src/core/numeric';
import { adminSql, PG_BASE_URL } from '../scripts/pg-admin';
import { deleteKeysUnder } from '../scripts/redis-admin';
import { migrate } from './api-server';

export interface BenchDatabase {
  name: string;
  url: string;
  /** A QUEUE_PREFIX no one else uses. */
  queuePrefix: string;
}

type Cleanup = () => Promise<void>;
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;

/** Registers work to undo at the end; runs last-registered first. */
export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
}

/** Runs every registered cleanup once (later calls wait for the first), logging but not throwing failures. */
export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      await fn().catch((e: unknown) => console.error(`cleanup failed: ${(e as Error).message}`));
    }
  })();
  return cleaning;
}

/** Creates and migrates `vitrack_bench_<kind>_<hex>`; it is dropped by cleanupAll(). */
export async function createBenchDatabase(kind: string): Promise<BenchDatabase> {
  const tag = randomBytes(4).toString('hex');
  const name = `vitrack_bench_${kind}_${tag}`;
  const queuePrefix = `vt-bench-${kind}-${tag}`;
  await adminSql(`CREATE DATABASE "${name}"`);
  onCleanup(async () => {
    await adminSql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    console.log(`dropped ${name}`);
  });
  onCleanup(() => deleteQueueKeys(queuePrefix));
  const url = `${PG_BASE_URL}/${name}`;
  await migrate(url);
  return { name, url, queuePrefix };
}

async function deleteQueueKeys(prefix: string): Promise<void> {
  const deleted = await deleteKeysUnder(prefix);
  if (deleted > 0) console.log(`deleted ${deleted} Redis key(s) under ${prefix}:`);
}

/**
 * Runs `main` with the cleanups guaranteed: on success, on a thrown error (exit 1) and on
 * SIGINT/SIGTERM (exit 130). `main` decides PASS/MISS; a MISS is not an error.
 */
export function runBench(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the processes and dropping the bench database`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  main()
    .catch((e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exitCode = 1;
    })
    .finally(() => cleanupAll());
}

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN when empty. */
export const percentile = (values: number[], p: number): number => quantile(values, p / 100);

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function spread(values: number[]): Spread {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : NaN,
  };
}

export const fixed = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** Prints rows under a header; the first column left-aligned, the others right-aligned. */
export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export { machineLine } from './history';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface LogDigest {
  /** Warning and error messages (pino level ≥ 40) with how often each occurred. */
  counts: Map<string, number>;
  print: (name: string) => void;
}

/** Counts the warnings and errors a child process logs as pino JSON lines (in addition to whoever else reads its output). */
export function digestLogs(child: ChildProcess): LogDigest {
  const counts = new Map<string, number>();
  let partial = '';
  const read = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      let entry: { level?: number; msg?: string; err?: { message?: string; type?: string } };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        if (line.trim()) counts.set(line.slice(0, 300), (counts.get(line.slice(0, 300)) ?? 0) + 1);
        continue;
      }
      if ((entry.level ?? 0) < 40) continue;
      // errorIds make every line unique; group on the message without them.
      const key = `${entry.msg ?? ''}${entry.err?.message ? ` | ${entry.err.type ?? 'Error'}: ${entry.err.message}` : ''}`
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
        .slice(0, 400);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  return {
    counts,
    print: (name) => {
      if (counts.size === 0) return console.log(`${name}: no warnings or errors logged`);
      console.log(`${name} logged:`);
      for (const [msg, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${String(n).padStart(5)} × ${msg}`);
    },
  };
}
