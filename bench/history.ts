/**
 * Keeps the benchmarks' figures: every run appends one JSON line to bench/history.jsonl (commit,
 * time, machine, parameters, figures, verdicts), which is committed with the code it measured.
 * `npm run bench:history` prints it. BENCH_HISTORY=off skips the write; BENCH_HISTORY=<path>
 * writes elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export type Verdict = 'PASS' | 'MISS';

/** The machine a run measured on, as the history records it. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memGiB: number;
  node: string;
  /** Load average over the last minute: other users of a shared machine weigh on every figure. */
  load1: number;
}

export function machineInfo(): MachineInfo {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load1: Number(loadavg()[0].toFixed(2)),
  };
}

/** The line every benchmark prints first: the machine and its load over 1, 5 and 15 minutes. */
export function machineLine(m: MachineInfo = machineInfo()): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `machine: ${m.cpus} CPU (${m.cpuModel}), ${m.memGiB} GB, node ${m.node}, load average ${load} (1/5/15 min)`;
}

export interface BenchRecord {
  bench: string;
  at: string;
  commit: string;
  /** Uncommitted changes were present: the commit alone does not reproduce the figures. */
  dirty: boolean;
  machine: MachineInfo;
  params: Record<string, number | string>;
  figures: Record<string, number>;
  verdicts: Record<string, Verdict>;
}

const git = (args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

/** bench/history.jsonl in the source tree, whether this runs from bench/ or from dist/bench/. */
export function historyPath(): string | undefined {
  const setting = process.env.BENCH_HISTORY;
  if (setting === 'off') return undefined;
  if (setting) return setting;
  const root = git(['rev-parse', '--show-toplevel']);
  return root ? join(root, 'bench', 'history.jsonl') : undefined;
}

export const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'MISS');

/** Appends this run's figures; returns where they went (undefined when switched off or outside a checkout). */
export function recordRun(
  bench: string,
  params: BenchRecord['params'],
  figures: BenchRecord['figures'],
  verdicts: BenchRecord['verdicts'],
): string | undefined {
  const path = historyPath();
  if (!path) return undefined;
  const record: BenchRecord = {
    bench,
    at: new Date().toISOString(),
    commit: git(['rev-parse', '--short=12', 'HEAD']) ?? 'unknown',
    // The history file itself changes with every run: it does not make the measured code dirty.
    dirty: (git(['status', '--porcelain', '--untracked-files=no', '--', ':/', ':(top,exclude)bench/history.jsonl']) ?? '') !== '',
    machine: machineInfo(),
    params,
    // A figure that could not be measured (NaN) is left out rather than written as null.
    figures: Object.fromEntries(
      Object.entries(figures)
        .filter(([, v]) => Number.isFinite(v))
        .map(([k, v]) => [k, Number(v.toFixed(3))]),
    ),
    verdicts,
  };
  appendFileSync(path, `${JSON.stringify(record)}\n`);
  console.log(`figures appended to ${path}`);
  return path;
}

export function readHistory(path: string): BenchRecord[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BenchRecord);
}
