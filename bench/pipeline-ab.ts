/**
 * A/B of the pipeline's CPU per upload between two built checkouts, interleaved in one sitting:
 * each side runs its own compiled API and worker on its own freshly migrated database and BullMQ
 * prefix, and rounds of uploads alternate between them (A B, then B A, …), so a machine whose load
 * drifts (other users) weighs on both alike. Each round sends the same distinct 2,000-point MPMS3 ZFC
 * files to both sides at a fixed rate and waits until every run has finished; the figures are CPU
 * milliseconds per upload of the API process, the worker process (all its threads: the analysis
 * pool included) and the side's PostgreSQL backends, read from /proc. Compare the ratio B/A, not the
 * absolute figures: the latency of a shared machine says little, the CPU an upload costs travels.
 *
 *   npm run bench:build && BENCH_AB_DIRS=/path/to/base,/path/to/new node dist/bench/pipeline-ab.js
 *
 * Both checkouts need `npm run bench:build` (their own dist/apps). Env: BENCH_AB_ROUNDS (default 6),
 * BENCH_AB_UPLOADS per round and side (default 60), BENCH_RATE (uploads/s within a round, default
 * 10), BENCH_POINTS (default 2000), BENCH_NODE_ARGS (words for both sides' node command lines, e.g.
 * --perf-basic-prof-only-functions for `perf record -p <pids>`), BENCH_CPU_PROF_DIR=<dir> (each side's API and worker write V8 CPU
 * profiles to <dir>/A and <dir>/B when they stop). Records nothing (a comparison, not a figure of one
 * build).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminSql, PG_BASE_URL } from '../scripts/pg-admin';
import { deleteKeysUnder } from '../scripts/redis-admin';
import { median } from '../libs/analysis/src/core/numeric';
import { processTicks } from './api-cpu';
import { migrate, RunningApi, startApi } from './api-server';
import { fixed, printTable, sleep } from './pipeline-common';
import { createFixture, generateFiles, PipelineFixture, upload, UploadFile } from './pipeline-setup';

const ADMIN = { email: 'bench-admin@vitrack.local', password: 'bench-admin-password' };
const TICK_MS = 10;

interface Side {
  label: 'A' | 'B';
  dir: string;
  db: string;
  url: string;
  prefix: string;
  api?: RunningApi;
  worker?: ChildProcess;
  pg?: Client;
  fixture?: PipelineFixture;
}

/** CPU ticks of every PostgreSQL backend of the side's database (this poller's own excluded). */
async function backendTicks(side: Side): Promise<Map<number, number>> {
  const { rows } = await side.pg!.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [side.db]);
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      ticks.set(pid, processTicks(pid));
    } catch {
      // the backend exited
    }
  }
  return ticks;
}

interface Reading {
  api: number;
  worker: number;
  pg: Map<number, number>;
}

const read = async (s: Side): Promise<Reading> => ({ api: processTicks(s.api!.child.pid!), worker: processTicks(s.worker!.pid!), pg: await backendTicks(s) });

function startWorker(side: Side, env: Record<string, string>, nodeArgs: string[]): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, join(side.dir, 'dist', 'apps', 'worker', 'main.js')], {
    cwd: side.dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${side.label} worker exited with ${signal ?? code}`);
  });
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

/** Waits until every run id has finished; throws on a FAILED run (a comparison of failures measures nothing). */
async function waitFinished(side: Side, ids: string[], timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await side.pg!.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM analysis_runs WHERE id = ANY($1::uuid[]) AND status IN ('SUCCEEDED', 'FAILED') GROUP BY status`,
      [ids],
    );
    const failed = Number(rows.find((r) => r.status === 'FAILED')?.n ?? 0);
    if (failed > 0) throw new Error(`${side.label}: ${failed} run(s) FAILED`);
    if (Number(rows.find((r) => r.status === 'SUCCEEDED')?.n ?? 0) === ids.length) return;
    if (Date.now() > deadline) throw new Error(`${side.label}: runs unfinished after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** One round on one side: `files` sent open loop at `rate`, then the wait for their runs; CPU ticks per process. */
async function round(side: Side, files: UploadFile[], rate: number): Promise<{ api: number; worker: number; pg: number }> {
  const from = await read(side);
  const sends: Promise<string>[] = [];
  const t0 = performance.now();
  for (const [i, f] of files.entries()) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const measurementId = side.fixture!.measurementIds[i % side.fixture!.measurementIds.length];
    sends.push(
      upload(side.api!.baseUrl, side.fixture!.member.token!, measurementId, f).then((o) => {
        if (!o.runId || o.duplicate) throw new Error(`${side.label}: upload ${f.fileName}: ${o.status} ${o.error ?? 'duplicate'}`);
        return o.runId;
      }),
    );
  }
  await waitFinished(side, await Promise.all(sends));
  const to = await read(side);
  let pg = 0;
  for (const [pid, t] of to.pg) pg += t - (from.pg.get(pid) ?? 0);
  return { api: to.api - from.api, worker: to.worker - from.worker, pg };
}

async function main(): Promise<void> {
  const dirs = (process.env.BENCH_AB_DIRS ?? '').split(',').filter(Boolean);
  if (dirs.length !== 2) throw new Error('BENCH_AB_DIRS must name two built checkouts, A,B');
  const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 6);
  const perRound = Number(process.env.BENCH_AB_UPLOADS ?? 60);
  const rate = Number(process.env.BENCH_RATE ?? 10);
  const points = Number(process.env.BENCH_POINTS ?? 2000);
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const extraArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const tag = randomBytes(4).toString('hex');
  const sides: Side[] = dirs.map((dir, i) => {
    const db = `vitrack_bench_pab${i}_${tag}`;
    return { label: i === 0 ? 'A' : 'B', dir, db, url: `${PG_BASE_URL}/${db}`, prefix: `vt-bench-pab${i}-${tag}` };
  });
  const cleanup = async () => {
    for (const s of sides) {
      await s.pg?.end().catch(() => undefined);
      await stop(s.worker);
      await s.api?.stop();
      await adminSql(`DROP DATABASE IF EXISTS "${s.db}" WITH (FORCE)`);
      await deleteKeysUnder(s.prefix);
    }
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    // One warm-up batch, then `rounds` batches; both sides get the same bytes, each round new ones.
    const warm = 20;
    const { files, massMg, fieldOe } = generateFiles(warm + rounds * perRound, points);
    for (const s of sides) {
      await adminSql(`CREATE DATABASE "${s.db}"`);
      await migrate(s.url, s.dir);
      const env = {
        DATABASE_URL: s.url,
        QUEUE_PREFIX: s.prefix,
        LOG_LEVEL: 'warn',
        WORKER_CONCURRENCY: '2',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      };
      const nodeArgs = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profDir, s.label)}`] : []), ...extraArgs];
      s.api = await startApi(env, nodeArgs, 60_000, s.dir);
      s.worker = startWorker(s, env, nodeArgs);
      s.pg = new Client({ connectionString: s.url });
      await s.pg.connect();
      s.fixture = await createFixture(s.api.baseUrl, ADMIN, 4, massMg, fieldOe);
      console.log(`${s.label} = ${s.dir}: API ${s.api.baseUrl} (pid ${s.api.child.pid}), worker pid ${s.worker.pid}, database ${s.db}`);
    }
    for (const s of sides) await round(s, files.slice(0, warm), rate);
    const loadBefore = loadavg()[0];
    const totals = sides.map(() => ({ api: 0, worker: 0, pg: 0 }));
    const ratios = { api: [] as number[], worker: [] as number[], pg: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      const batch = files.slice(warm + r * perRound, warm + (r + 1) * perRound);
      const got: { api: number; worker: number; pg: number }[] = [];
      for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
        got[i] = await round(sides[i], batch, rate);
        for (const k of ['api', 'worker', 'pg'] as const) totals[i][k] += got[i][k];
      }
      for (const k of ['api', 'worker', 'pg'] as const) ratios[k].push(got[1][k] / got[0][k]);
      const ms = (t: number) => fixed((TICK_MS * t) / perRound, 1);
      console.log(
        `round ${r + 1}: A api ${ms(got[0].api)} worker ${ms(got[0].worker)} pg ${ms(got[0].pg)} | B api ${ms(got[1].api)} worker ${ms(got[1].worker)} pg ${ms(got[1].pg)} ms/upload`,
      );
    }
    const n = rounds * perRound;
    console.log(`\nCPU ms per upload (${n} uploads per side, ${rounds} interleaved rounds of ${perRound} at ${rate}/s, ${points}-point files)`);
    printTable(
      ['process', 'A', 'B', 'B/A overall', 'B/A median round'],
      (['api', 'worker', 'pg'] as const).map((k) => [
        k === 'pg' ? 'PostgreSQL backends' : k === 'api' ? 'API' : 'worker (all threads)',
        fixed((TICK_MS * totals[0][k]) / n, 1),
        fixed((TICK_MS * totals[1][k]) / n, 1),
        fixed(totals[1][k] / totals[0][k], 3),
        `${fixed(median(ratios[k]), 3)} [${ratios[k].map((x) => fixed(x, 2)).join(' ')}]`,
      ]),
    );
    console.log(`load average (1 min) ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}; A = ${dirs[0]}, B = ${dirs[1]}`);
  } finally {
    await cleanup();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  });
}
