/**
 * Pipeline benchmark: sustained open-loop uploads of distinct 2,000-point MPMS3 ZFC files through
 * the compiled API into one compiled worker process, on a private, freshly migrated database and a
 * private BullMQ prefix (both removed at the end, also on failure and Ctrl-C).
 *
 *   npm run bench:build && node dist/bench/pipeline-throughput.js
 *
 * Env: BENCH_RATE (uploads/s, default 20), BENCH_SECONDS (default 60), BENCH_CONCURRENCY (the
 * worker's WORKER_CONCURRENCY, default 2), BENCH_POINTS (points per file, default 2000),
 * BENCH_MEASUREMENTS (ZFC measurements the uploads rotate over, default 4), BENCH_WARMUP (uploads
 * before measuring, default 20), BENCH_DRAIN_SECONDS (wait after the last send, default 120),
 * BENCH_FLOOR_SECONDS (how long BullMQ's own floor is measured after the load, default 15),
 * BENCH_PG_URL, REDIS_URL. BENCH_CPU_PROF_DIR=<dir> makes the API and the worker write V8 CPU profiles
 * there when they stop (read them with dist/bench/cpu-profile-top.js).
 *
 * Uploads are sent on a fixed schedule whatever the responses (open loop). Completion is read by
 * polling analysis_runs directly with pg every 100 ms; the latencies do not depend on the poll
 * interval because they use the run's own finishedAt. End-to-end = finishedAt − the client's send
 * time (the worker stamps finishedAt; client, API and worker share this machine's clock).
 * Overhead = end-to-end − timings.analysisMs.
 * Targets (issue): nothing lost (every upload answered 202 with its own run, every run SUCCEEDED),
 * overhead p50 ≤ 50 ms and p99 ≤ 250 ms. A MISS exits 0; setup errors or a crashed process exit 1.
 * After the load, BullMQ's own add → completed round trip (a no-op job at the same rate and
 * concurrency, bench/bullmq-floor.ts) is measured on this machine, and the overhead is printed as
 * a ratio to that floor: the ratio travels between machines better than milliseconds do.
 */
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { startProcess, stopProcess } from '../scripts/processes';
import { cpuShare, cpuSnapshot, CpuSnapshot } from './api-cpu';
import { RunningApi, startApi } from './api-server';
import { measureBullmqFloor } from './bullmq-floor';
import { createBenchDatabase, digestLogs, fixed, machineLine, onCleanup, printTable, runBench, sleep, spread, Spread } from './pipeline-common';
import { recordRun, verdict } from './history';
import { createFixture, generateFiles, upload, UploadFile, UploadOutcome } from './pipeline-setup';
import { startStallSampler, StallSampler } from './stall-sampler';

const ADMIN = { email: 'bench-admin@vitrack.local', password: 'bench-admin-password' };
const TARGET_OVERHEAD_P50_MS = 50;
const TARGET_OVERHEAD_P99_MS = 250;
const POLL_MS = 100;

const envNumber = (name: string, fallback: number): number => {
  const v = Number(process.env[name] ?? fallback);
  if (!(v > 0)) throw new Error(`${name} must be a positive number`);
  return v;
};

interface Sent extends UploadOutcome {
  index: number;
  measurementId: string;
  /** Wall clock (ms since epoch) just before fetch(): comparable with finishedAt. */
  sentAtMs: number;
  /** How late the send was against its schedule, ms. */
  lagMs: number;
  httpMs?: number;
}

interface RunRow {
  id: string;
  status: 'SUCCEEDED' | 'FAILED';
  finished_ms: number;
  queued_ms: number;
  started_ms: number;
  timings: { queueWaitMs: number; loadMs: number; analysisMs: number; totalMs: number };
  error: string | null;
}

/** Reads finished runs until every id is finished or the deadline passes; returns them by id. */
async function pollFinished(db: Client, ids: () => string[], done: () => boolean, deadline: () => number): Promise<Map<string, RunRow>> {
  const finished = new Map<string, RunRow>();
  for (;;) {
    const pending = ids().filter((id) => !finished.has(id));
    if (pending.length > 0) {
      // Epoch milliseconds in SQL: node-pg would read timestamp-without-time-zone as local time.
      const { rows } = await db.query<RunRow>(
        `SELECT id, status, timings, error,
                extract(epoch FROM "finishedAt") * 1000 AS finished_ms, extract(epoch FROM "queuedAt") * 1000 AS queued_ms,
                extract(epoch FROM "startedAt") * 1000 AS started_ms
         FROM analysis_runs WHERE id = ANY($1::uuid[]) AND status IN ('SUCCEEDED', 'FAILED')`,
        [pending],
      );
      for (const r of rows) finished.set(r.id, { ...r, finished_ms: Number(r.finished_ms), queued_ms: Number(r.queued_ms), started_ms: Number(r.started_ms) });
    }
    if ((done() && ids().every((id) => finished.has(id))) || Date.now() > deadline()) return finished;
    await sleep(POLL_MS);
  }
}

/** CPU ticks (1/100 s) of each PostgreSQL backend serving the bench database, except this poller's own. */
async function backendTicks(db: Client, dbName: string): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(f[11]) + Number(f[12]));
    } catch {
      // the backend exited
    }
  }
  return ticks;
}

/** % of one core the bench database's backends used between two readings (a backend new since `from` counts whole). */
function backendPct(from: Map<number, number>, to: Map<number, number>, seconds: number): number {
  let ticks = 0;
  for (const [pid, t] of to) ticks += t - (from.get(pid) ?? 0);
  return ticks / seconds;
}

/** Sends every file on its slot of a fixed 1/rate grid, never waiting for a response. */
async function openLoop(files: UploadFile[], rate: number, send: (i: number, lagMs: number) => Promise<void>): Promise<Promise<void>[]> {
  const intervalMs = 1000 / rate;
  const start = performance.now() + 50;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < files.length; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(send(i, Math.max(0, performance.now() - due)));
  }
  return inflight;
}

function watchExit(child: ChildProcess, name: string, crashes: string[]): void {
  child.once('exit', (code, signal) => crashes.push(`${name} exited with ${signal ?? code}`));
}

async function main(): Promise<void> {
  const rate = envNumber('BENCH_RATE', 20);
  const seconds = envNumber('BENCH_SECONDS', 60);
  const concurrency = Math.round(envNumber('BENCH_CONCURRENCY', 2));
  const points = Math.round(envNumber('BENCH_POINTS', 2000));
  const measurements = Math.round(envNumber('BENCH_MEASUREMENTS', 4));
  const warmup = Math.round(envNumber('BENCH_WARMUP', 20));
  const drainS = envNumber('BENCH_DRAIN_SECONDS', 120);
  const count = Math.round(rate * seconds);
  console.log(machineLine());

  let t = performance.now();
  const { files, massMg, fieldOe } = generateFiles(count + warmup, points);
  const mb = files.reduce((a, f) => a + f.sizeBytes, 0) / 1e6;
  console.log(
    `generated ${files.length} distinct ${points}-point MPMS3 ZFC files (${fixed(mb)} MB, ${fixed(mb / files.length, 2)} MB each) in ${fixed((performance.now() - t) / 1000, 1)} s`,
  );

  const db = await createBenchDatabase('pipe');
  console.log(`created and migrated ${db.name}; queue prefix ${db.queuePrefix}`);
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const env = {
    DATABASE_URL: db.url,
    QUEUE_PREFIX: db.queuePrefix,
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: String(concurrency),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line.
  const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const crashes: string[] = [];
  const api: RunningApi = await startApi(env, nodeArgs);
  onCleanup(api.stop);
  watchExit(api.child, 'the API', crashes);
  const apiLogs = digestLogs(api.child);
  const worker = startProcess('worker', env, false, nodeArgs);
  onCleanup(() => stopProcess(worker));
  watchExit(worker, 'the worker', crashes);
  const workerLogs = digestLogs(worker);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  onCleanup(() => pg.end());

  const fixture = await createFixture(api.baseUrl, ADMIN, measurements, massMg, fieldOe);
  const token = fixture.member.token!;

  // Warm-up: JIT, pools and the worker's Redis connection; also proves the worker is consuming.
  t = performance.now();
  const warm = await Promise.all(
    files.slice(count).map(async (f, i) => {
      await sleep(i * 100);
      return upload(api.baseUrl, token, fixture.warmupMeasurementId, f);
    }),
  );
  const warmIds = warm.map((w) => {
    if (!w.runId) throw new Error(`warm-up upload failed: ${w.status} ${w.error}`);
    return w.runId;
  });
  const warmDone = await pollFinished(
    pg,
    () => warmIds,
    () => true,
    () => Date.now() + 60_000,
  );
  const warmOk = [...warmDone.values()].filter((r) => r.status === 'SUCCEEDED').length;
  if (warmOk !== warmIds.length) throw new Error(`warm-up: ${warmOk}/${warmIds.length} runs SUCCEEDED within 60 s: ${crashes.join('; ')}`);
  console.log(`warm-up: ${warmIds.length} uploads analysed in ${fixed((performance.now() - t) / 1000, 1)} s (excluded from the figures)`);

  console.log(
    `\nload: ${count} uploads at ${rate}/s for ${seconds} s (open loop) over ${measurements} ZFC measurements; worker concurrency ${concurrency}; drain timeout ${drainS} s`,
  );
  const sent: Sent[] = [];
  const measured = files.slice(0, count);
  let sending = true;
  let lastSendMs = Infinity;
  const cpuFrom: [CpuSnapshot, CpuSnapshot] = [cpuSnapshot(api.child.pid), cpuSnapshot(worker.pid)];
  const pgFrom = await backendTicks(pg, db.name);
  const walFrom = (await pg.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;
  const stalls = await startStallSampler(db.url, db.name);
  onCleanup(stalls.stop);
  const poller = pollFinished(
    pg,
    () => sent.filter((s) => s.runId).map((s) => s.runId!),
    () => !sending,
    () => lastSendMs + drainS * 1000,
  );
  const inflight = await openLoop(measured, rate, async (i, lagMs) => {
    const measurementId = fixture.measurementIds[i % measurements];
    const s: Sent = { index: i, measurementId, sentAtMs: Date.now(), lagMs, status: 0 };
    sent.push(s);
    const t0 = performance.now();
    Object.assign(s, await upload(api.baseUrl, token, measurementId, measured[i]));
    s.httpMs = performance.now() - t0;
  });
  lastSendMs = Date.now();
  await Promise.all(inflight);
  sending = false;
  const finished = await poller;
  await stalls.stop();
  const cpuTo: [CpuSnapshot, CpuSnapshot] = [cpuSnapshot(api.child.pid), cpuSnapshot(worker.pid)];
  const drainedMs = Date.now() - lastSendMs;
  const postgresPct = backendPct(pgFrom, await backendTicks(pg, db.name), (cpuTo[0].at - cpuFrom[0].at) / 1000);
  // The whole server's WAL, mostly the stored file bytes: what each commit has to flush to disk.
  const walMb = Number((await pg.query<{ d: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS d', [walFrom])).rows[0].d) / 1e6;

  const floorS = envNumber('BENCH_FLOOR_SECONDS', 15);
  const floor = await measureBullmqFloor({ prefix: `${db.queuePrefix}-floor`, rate, seconds: floorS, concurrency });

  const dbCounts = (
    await pg.query<{ runs: string; hashes: string; succeeded: string; failed: string; unfinished: string }>(
      `SELECT count(*) AS runs, count(DISTINCT "fileSha256") AS hashes,
              count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded, count(*) FILTER (WHERE status = 'FAILED') AS failed,
              count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING')) AS unfinished
       FROM analysis_runs WHERE "measurementId" = ANY($1::uuid[])`,
      [fixture.measurementIds],
    )
  ).rows[0];

  report({
    rate,
    seconds,
    count,
    concurrency,
    points,
    stalls,
    sent,
    finished,
    dbCounts,
    crashes,
    drainedMs,
    drainS,
    walMb,
    floor,
    floorS,
    cpu: { api: cpuShare(cpuFrom[0], cpuTo[0]), worker: cpuShare(cpuFrom[1], cpuTo[1]), postgresPct },
  });
  console.log('');
  apiLogs.print('API');
  workerLogs.print('worker');
  if (crashes.length > 0) throw new Error(`a process died during the run: ${crashes.join('; ')}`);
}

interface Figures {
  rate: number;
  seconds: number;
  count: number;
  concurrency: number;
  points: number;
  stalls: StallSampler;
  sent: Sent[];
  finished: Map<string, RunRow>;
  dbCounts: Record<'runs' | 'hashes' | 'succeeded' | 'failed' | 'unfinished', string>;
  crashes: string[];
  drainedMs: number;
  drainS: number;
  walMb: number;
  floor: Spread & { lost: number };
  floorS: number;
  cpu: { api: ReturnType<typeof cpuShare>; worker: ReturnType<typeof cpuShare>; postgresPct: number };
}

function report(f: Figures): void {
  const accepted = f.sent.filter((s) => s.status === 202 && s.runId);
  const distinctRunIds = new Set(accepted.map((s) => s.runId)).size;
  const rows = accepted.map((s) => ({ s, r: f.finished.get(s.runId!) }));
  const ok = rows.filter((x): x is { s: Sent; r: RunRow } => x.r?.status === 'SUCCEEDED');
  const failed = rows.filter((x) => x.r?.status === 'FAILED');
  const missing = f.count - ok.length - failed.length;
  const dup = accepted.filter((s) => s.duplicate).length;
  const errors = f.sent.filter((s) => s.status !== 202);

  const e2e = ok.map(({ s, r }) => r.finished_ms - s.sentAtMs);
  const analysis = ok.map(({ r }) => r.timings.analysisMs);
  const overhead = ok.map(({ s, r }) => r.finished_ms - s.sentAtMs - r.timings.analysisMs);
  const firstSend = Math.min(...f.sent.map((s) => s.sentAtMs));
  const lastSend = Math.max(...f.sent.map((s) => s.sentAtMs));
  const lastFinish = Math.max(...ok.map(({ r }) => r.finished_ms));
  const sendRate = (f.sent.length - 1) / ((lastSend - firstSend) / 1000);
  const doneRate = ok.length / ((lastFinish - firstSend) / 1000);

  console.log('\nCOUNTS');
  printTable(
    [
      'uploads sent',
      '202s',
      'run ids (distinct)',
      'runs in DB',
      'distinct file hashes',
      'SUCCEEDED',
      'FAILED',
      'missing',
      'duplicate=true',
      'non-202 / errors',
    ],
    [[f.sent.length, accepted.length, distinctRunIds, f.dbCounts.runs, f.dbCounts.hashes, ok.length, failed.length, missing, dup, errors.length].map(String)],
  );
  for (const e of errors.slice(0, 5)) console.log(`  upload #${e.index}: ${e.status} ${e.error}`);
  for (const x of failed.slice(0, 5)) console.log(`  run ${x.r!.id} FAILED: ${x.r!.error}`);
  console.log(
    `missing = no SUCCEEDED/FAILED run ${fixed(f.drainedMs / 1000, 1)} s after the last send (drain timeout ${f.drainS} s); ${f.dbCounts.unfinished} run(s) still QUEUED/RUNNING`,
  );

  const seg = (label: string, xs: number[]): string[] => {
    const q: Spread = spread(xs);
    return [label, String(q.n), fixed(q.p50, 1), fixed(q.p95, 1), fixed(q.p99, 1), fixed(q.max, 1)];
  };
  const t = ok.map(({ r }) => r.timings);
  console.log(`\nLATENCY (ms, nearest-rank percentiles over the ${ok.length} SUCCEEDED runs; the last two rows over every upload sent)`);
  printTable(
    ['segment', 'n', 'p50', 'p95', 'p99', 'max'],
    [
      seg('end-to-end: send → finishedAt', e2e),
      seg('analysis (timings.analysisMs)', analysis),
      seg('OVERHEAD = end-to-end − analysis', overhead),
      seg(
        '  upload HTTP: send → 202 received',
        ok.map(({ s }) => s.httpMs!),
      ),
      seg(
        '  send → job added (e2e − queueWait − total)',
        ok.map(({ s, r }) => r.finished_ms - s.sentAtMs - r.timings.queueWaitMs - r.timings.totalMs),
      ),
      seg(
        '  queue wait (timings.queueWaitMs)',
        t.map((x) => x.queueWaitMs),
      ),
      seg(
        '  load: claim + read run, file, FC partner',
        t.map((x) => x.loadMs),
      ),
      seg(
        '  after analysis, before finish (total − load − analysis)',
        t.map((x) => x.totalMs - x.loadMs - x.analysisMs),
      ),
      seg(
        'upload HTTP, all uploads',
        f.sent.filter((s) => s.httpMs !== undefined).map((s) => s.httpMs!),
      ),
      seg(
        'sender lag behind schedule',
        f.sent.map((s) => s.lagMs),
      ),
    ],
  );

  // Where the tail sits in time: one bad second (a machine-wide stall) or spread over the run.
  const slow = ok.filter(({ s, r }) => r.finished_ms - s.sentAtMs - r.timings.analysisMs > TARGET_OVERHEAD_P99_MS);
  const bySecond = new Map<number, number>();
  for (const { s } of slow) {
    const second = Math.floor((s.sentAtMs - firstSend) / 1000);
    bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
  }
  const worst = [...bySecond].sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(
    `\n${slow.length} upload(s) with overhead > ${TARGET_OVERHEAD_P99_MS} ms${worst.length ? `, by second sent (t = 0 at ${new Date(firstSend).toISOString()}):` : ''}`,
  );
  for (const [sec, n] of worst) console.log(`  t=${sec} s ×${n}; t ± 1 s: ${f.stalls.describe(firstSend + (sec - 1) * 1000, firstSend + (sec + 2) * 1000)}`);
  console.log(`  whole run: ${f.stalls.describe(firstSend, lastFinish)}`);

  const pct = (x: number | undefined) => (x === undefined ? '-' : `${fixed(x)} %`);
  console.log('\nTHROUGHPUT AND CPU (during load + drain)');
  printTable(
    ['offered', 'sent at', 'completed at', 'API CPU', 'worker CPU', 'Postgres backends CPU', 'bench CPU', 'machine busy (all users)', 'WAL written'],
    [
      [
        `${f.rate}/s × ${f.seconds} s`,
        `${fixed(sendRate, 2)}/s`,
        `${fixed(doneRate, 2)}/s`,
        pct(f.cpu.api.apiPctOfCore),
        pct(f.cpu.worker.apiPctOfCore),
        pct(f.cpu.postgresPct),
        pct(f.cpu.api.benchPctOfCore),
        pct(f.cpu.api.machineBusyPct),
        `${fixed(f.walMb)} MB (${fixed((1000 * f.walMb) / f.count)} kB/upload)`,
      ],
    ],
  );
  console.log('completed at = SUCCEEDED runs / (last finishedAt − first send); CPU in % of one core (the machine has 2 cores shared with other users).');
  console.log('clock: send times (Date.now() in this process) and finishedAt (stamped by the worker) come from the same machine clock.');
  console.log(machineLine());

  const noneLost =
    f.sent.length === f.count &&
    accepted.length === f.count &&
    distinctRunIds === f.count &&
    Number(f.dbCounts.runs) === f.count &&
    ok.length === f.count &&
    dup === 0;
  const ov = spread(overhead);
  console.log(`\nBULLMQ FLOOR (no-op job, add → completed, ${f.rate}/s for ${f.floorS} s, concurrency ${f.concurrency}, after the load)`);
  printTable(
    ['', 'n', 'p50', 'p95', 'p99', 'max', 'lost'],
    [
      [
        'BullMQ add → completed (ms)',
        String(f.floor.n),
        fixed(f.floor.p50, 1),
        fixed(f.floor.p95, 1),
        fixed(f.floor.p99, 1),
        fixed(f.floor.max, 1),
        String(f.floor.lost),
      ],
      ['pipeline overhead (ms)', String(ov.n), fixed(ov.p50, 1), fixed(ov.p95, 1), fixed(ov.p99, 1), fixed(ov.max, 1), '-'],
      ['overhead ÷ floor', '', fixed(ov.p50 / f.floor.p50, 1), fixed(ov.p95 / f.floor.p95, 1), fixed(ov.p99 / f.floor.p99, 1), '', ''],
    ],
  );
  const verdicts = {
    nothingLost: verdict(noneLost),
    overheadP50: verdict(ov.p50 <= TARGET_OVERHEAD_P50_MS),
    overheadP99: verdict(ov.p99 <= TARGET_OVERHEAD_P99_MS),
  };
  console.log('\nVERDICT');
  console.log(
    `  nothing lost (${f.count} sent, ${accepted.length} × 202, ${distinctRunIds} distinct runs, ${f.dbCounts.runs} in DB, ${ok.length} SUCCEEDED) → ${verdicts.nothingLost}`,
  );
  console.log(`  overhead p50 ${fixed(ov.p50, 1)} ms (target ≤ ${TARGET_OVERHEAD_P50_MS} ms) → ${verdicts.overheadP50}`);
  console.log(`  overhead p99 ${fixed(ov.p99, 1)} ms (target ≤ ${TARGET_OVERHEAD_P99_MS} ms) → ${verdicts.overheadP99}`);
  const e = spread(e2e);
  const http = spread(ok.map(({ s }) => s.httpMs!));
  recordRun(
    'pipeline-throughput',
    { rate: f.rate, seconds: f.seconds, workerConcurrency: f.concurrency, points: f.points },
    {
      overheadP50Ms: ov.p50,
      overheadP99Ms: ov.p99,
      e2eP50Ms: e.p50,
      e2eP99Ms: e.p99,
      analysisP50Ms: spread(analysis).p50,
      uploadHttpP50Ms: http.p50,
      uploadHttpP99Ms: http.p99,
      completedPerS: doneRate,
      lost: f.count - ok.length,
      apiCpuPct: f.cpu.api.apiPctOfCore ?? NaN,
      workerCpuPct: f.cpu.worker.apiPctOfCore ?? NaN,
      postgresCpuPct: f.cpu.postgresPct,
      walMb: f.walMb,
      bullmqFloorP50Ms: f.floor.p50,
      bullmqFloorP99Ms: f.floor.p99,
      overheadToFloorP50: ov.p50 / f.floor.p50,
      overheadToFloorP99: ov.p99 / f.floor.p99,
    },
    verdicts,
  );
}

if (require.main === module) runBench(main);
