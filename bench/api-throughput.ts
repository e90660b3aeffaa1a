/**
 * API throughput benchmark: autocannon at 50 connections against the compiled API on a private,
 * freshly migrated database seeded with 10,000 pieces and ~100,000 process steps.
 *
 *   npm run bench:build && node dist/bench/api-throughput.js
 *
 * Env: BENCH_SECONDS (measured seconds per route, default 10), BENCH_WARMUP_SECONDS (default 3),
 * BENCH_PG_URL (server without database, default postgresql://postgres@127.0.0.1:5432),
 * BENCH_ROUTES (only the routes whose name contains one of these comma-separated words, e.g.
 * "codePrefix"; without "health" there is no ceiling and no verdict), BENCH_CPU_PROF_DIR=<dir> (the API writes a V8
 * CPU profile there when it stops; read it with dist/bench/cpu-profile-top.js). A filtered run is
 * not recorded in bench/history.jsonl.
 * Target (issue): GET /api/samples/:id/history holds ≥ 50 % of the same server's /health requests/s,
 * with p99 ≤ 50 ms. A MISS still exits 0 (this is a measurement); setup errors and any non-2xx exit 1.
 */
import { randomBytes } from 'node:crypto';
import { autocannon, AutocannonResult, RequestSpec } from './api-autocannon';
import { CpuShare, cpuShare, cpuSnapshot } from './api-cpu';
import { DEFAULT_SHAPE, SeededPiece, seededPieces, seedDatabase } from './api-seed';
import { adminSql, PG_BASE_URL } from '../scripts/pg-admin';
import { deleteKeysUnder } from '../scripts/redis-admin';
import { getJson, login, memberToken, migrate, RunningApi, startApi } from './api-server';
import { machineInfo, machineLine, recordRun, verdict, type MachineInfo } from './history';

const CONNECTIONS = 50;
const TARGET_SHARE = 0.5;
const TARGET_P99_MS = 50;
const ADMIN_EMAIL = 'bench-admin@vitrack.local';
const ADMIN_PASSWORD = 'bench-admin-password';

export interface RouteFigures {
  route: string;
  /** Mean of the per-second request counts. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  bytesPerResponse: number;
  cpu: CpuShare;
}

export interface ApiThroughputReport {
  machine: MachineInfo;
  seed: { ms: number; pieces: number; steps: number };
  seconds: number;
  connections: number;
  rows: RouteFigures[];
  ceilingRps: number;
  history: { shareOfCeiling: number; p99Ms: number; pass: boolean };
}

interface Scenario {
  route: string;
  requests: RequestSpec[];
  headers: Record<string, string>;
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const fixed = (x: number, digits = 0) => x.toFixed(digits);

let cleanup: (() => Promise<void>) | undefined;

export async function runApiThroughput(seconds: number, warmupSeconds: number): Promise<ApiThroughputReport> {
  const machine = machineInfo();
  const tag = randomBytes(4).toString('hex');
  const dbName = `vitrack_bench_${tag}`;
  const url = `${PG_BASE_URL}/${dbName}`;
  let api: RunningApi | undefined;
  let cleaned = false;
  cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await api?.stop();
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    console.log(`dropped ${dbName}`);
    await deleteKeysUnder(`vt-bench-${tag}`);
  };

  try {
    console.log(machineLine(machine));
    await adminSql(`CREATE DATABASE "${dbName}"`);
    let t = performance.now();
    await migrate(url);
    console.log(`created and migrated ${dbName} in ${fixed(performance.now() - t)} ms`);

    t = performance.now();
    const counts = await seedDatabase(url, DEFAULT_SHAPE);
    const seedMs = performance.now() - t;
    console.log(
      `seeded in ${fixed(seedMs)} ms (incl. ANALYZE): ${counts.samples} samples, ${counts.pieces} pieces ` +
        `(${counts.annealedPieces} ANNEALED, ${counts.rejuvenatedPieces} REJUVENATED), ${counts.steps} process steps`,
    );
    if (counts.pieces < 10_000 || counts.steps < 100_000) throw new Error('seed is smaller than the issue asks (10,000 pieces, 100,000 steps)');
    const pieces = await seededPieces(url);

    const profDir = process.env.BENCH_CPU_PROF_DIR;
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line.
    const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
    api = await startApi({ DATABASE_URL: url, LOG_LEVEL: 'warn', QUEUE_PREFIX: `vt-bench-${tag}`, ADMIN_EMAIL, ADMIN_PASSWORD }, nodeArgs);
    // The routes are measured as a project member calls them (one more indexed predicate than ADMIN's).
    const token = await memberToken(api.baseUrl, await login(api.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD));
    const auth = { authorization: `Bearer ${token}` };
    await checkResponses(api.baseUrl, token, pieces);

    const ribbons = [...new Set(pieces.map((p) => p.code.slice(0, -4)))];
    const health: Scenario = { route: 'GET /health (ceiling)', requests: [{ path: '/health' }], headers: {} };
    const allScenarios: Scenario[] = [
      health,
      {
        route: 'GET /api/samples/:id/history (random piece)',
        requests: [{ setupRequest: (req) => ({ ...req, path: `/api/samples/${pick(pieces).id}/history` }) }],
        headers: auth,
      },
      { route: 'GET /api/samples?kind=PIECE&state=ANNEALED&limit=50', requests: [{ path: '/api/samples?kind=PIECE&state=ANNEALED&limit=50' }], headers: auth },
      {
        route: 'GET /api/samples?kind=PIECE&codePrefix=<ribbon>&limit=50',
        requests: [{ setupRequest: (req) => ({ ...req, path: `/api/samples?kind=PIECE&codePrefix=${pick(ribbons)}&limit=50` }) }],
        headers: auth,
      },
      // Measured again last: on a shared machine the ceiling drifts, so the verdict uses both.
      { ...health, route: 'GET /health (ceiling, again)' },
    ];
    const only = routeFilter();
    const scenarios = only ? allScenarios.filter((s) => only.some((w) => s.route.includes(w))) : allScenarios;

    console.log(`\nautocannon: ${CONNECTIONS} connections, ${warmupSeconds} s warm-up + ${seconds} s measured per route\n`);
    const rows: RouteFigures[] = [];
    for (const s of scenarios) {
      if (warmupSeconds > 0) await cannon(api.baseUrl, s, warmupSeconds);
      const before = cpuSnapshot(api.child.pid);
      const result = await cannon(api.baseUrl, s, seconds);
      const row = figures(s.route, result, cpuShare(before, cpuSnapshot(api.child.pid)));
      rows.push(row);
      console.log(`  ${row.route}: ${fixed(row.rps)} req/s, p99 ${row.p99Ms} ms`);
    }

    const ceilings = rows.filter((r) => r.route.startsWith('GET /health'));
    const ceilingRps = ceilings.reduce((a, r) => a + r.rps, 0) / ceilings.length;
    // A filtered run without the history route has no verdict: its history figures are NaN.
    const h = rows.find((r) => r.route.includes('/history')) ?? { rps: NaN, p99Ms: NaN };
    const share = h.rps / ceilingRps;
    const pass = share >= TARGET_SHARE && h.p99Ms <= TARGET_P99_MS;
    const report: ApiThroughputReport = {
      machine,
      seed: { ms: Math.round(seedMs), pieces: counts.pieces, steps: counts.steps },
      seconds,
      connections: CONNECTIONS,
      rows,
      ceilingRps,
      history: { shareOfCeiling: share, p99Ms: h.p99Ms, pass },
    };
    printReport(report);
    if (only) return report;
    recordRun(
      'api-throughput',
      { connections: CONNECTIONS, seconds, pieces: counts.pieces, steps: counts.steps },
      { ceilingRps, historyRps: h.rps, historySharePct: 100 * share, historyP99Ms: h.p99Ms },
      { historyShare: verdict(share >= TARGET_SHARE), historyP99: verdict(h.p99Ms <= TARGET_P99_MS) },
    );
    return report;
  } finally {
    await cleanup();
  }
}

/** BENCH_ROUTES as words, or undefined for every route. */
function routeFilter(): string[] | undefined {
  const words = (process.env.BENCH_ROUTES ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  return words.length > 0 ? words : undefined;
}

async function cannon(baseUrl: string, s: Scenario, seconds: number): Promise<AutocannonResult> {
  const result = await autocannon({ url: baseUrl, title: s.route, connections: CONNECTIONS, duration: seconds, headers: s.headers, requests: s.requests });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${s.route}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; status codes ${JSON.stringify(result.statusCodeStats)}`,
    );
  }
  if (result['2xx'] === 0) throw new Error(`${s.route}: no response at all`);
  return result;
}

function figures(route: string, r: AutocannonResult, cpu: CpuShare): RouteFigures {
  return {
    route,
    rps: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    bytesPerResponse: r.throughput.total / Math.max(1, r.requests.total),
    cpu,
  };
}

/** One look at each route before loading it, so a wrong seed cannot produce fast wrong numbers. */
async function checkResponses(baseUrl: string, token: string, pieces: SeededPiece[]): Promise<void> {
  const expectedEvents = 3 + DEFAULT_SHAPE.treatmentsPerPiece;
  for (let i = 0; i < 5; i++) {
    const piece = pick(pieces);
    const history = await getJson<{ sample: { code: string }; events: { kind: string; inherited: boolean }[] }>(
      `${baseUrl}/api/samples/${piece.id}/history`,
      token,
    );
    const kinds = history.events.map((e) => e.kind);
    if (
      history.sample.code !== piece.code ||
      history.events.length !== expectedEvents ||
      kinds[0] !== 'ARC_MELT' ||
      kinds[1] !== 'MELT_SPIN' ||
      kinds[2] !== 'CUT'
    ) {
      throw new Error(`unexpected history for ${piece.code}: ${JSON.stringify(history).slice(0, 500)}`);
    }
    if (history.events.filter((e) => e.inherited).length !== 2) throw new Error(`history of ${piece.code} should inherit exactly ARC_MELT and MELT_SPIN`);
    // The API derives state and signature from the steps; the seed cached them in SQL. They must agree.
    const view = await getJson<{ state: string; signature: string }>(`${baseUrl}/api/samples/${piece.id}`, token);
    if (view.state !== piece.state || view.signature !== piece.signature) {
      throw new Error(
        `seeded cache disagrees with the API for ${piece.code}: cached ${piece.state} "${piece.signature}", derived ${view.state} "${view.signature}"`,
      );
    }
  }
  const list = await getJson<{ items: { state: string; kind: string }[]; nextCursor: string | null }>(
    `${baseUrl}/api/samples?kind=PIECE&state=ANNEALED&limit=50`,
    token,
  );
  if (list.items.length !== 50 || list.items.some((s) => s.kind !== 'PIECE' || s.state !== 'ANNEALED') || !list.nextCursor) {
    throw new Error(`unexpected list page: ${JSON.stringify(list).slice(0, 500)}`);
  }
}

function printReport(r: ApiThroughputReport): void {
  const head = [
    'route',
    'req/s (mean)',
    '% of ceiling',
    'p50 ms',
    'p99 ms',
    'max ms',
    'requests',
    'non-2xx',
    'bytes/resp',
    'API CPU',
    'API CPU ms/req',
    'bench CPU',
    'box busy',
  ];
  const pct = (x: number | undefined) => (x === undefined ? '-' : `${fixed(x)} %`);
  const body = r.rows.map((x) => [
    x.route,
    fixed(x.rps),
    `${fixed((100 * x.rps) / r.ceilingRps, 1)} %`,
    String(x.p50Ms),
    String(x.p99Ms),
    String(x.maxMs),
    String(x.requests),
    String(x.non2xx),
    fixed(x.bytesPerResponse),
    pct(x.cpu.apiPctOfCore),
    x.cpu.apiPctOfCore === undefined ? '-' : fixed((10 * x.cpu.apiPctOfCore) / x.rps, 2),
    pct(x.cpu.benchPctOfCore),
    pct(x.cpu.machineBusyPct),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const b of body) console.log(line(b));
  console.log(`\nceiling = mean of the two /health runs = ${fixed(r.ceilingRps)} req/s; ${r.connections} connections, ${r.seconds} s each`);
  console.log(`machine: ${r.machine.cpus} CPU, node ${r.machine.node}; API, PostgreSQL and autocannon share these cores`);
  console.log('API CPU and bench CPU (autocannon) are in % of one core; the API is one Node thread, so ~100 % means it is the bottleneck.');
  console.log('box busy is all cores, all processes (other users of the machine included).');
  const h = r.history;
  if (Number.isNaN(h.shareOfCeiling)) return;
  console.log(
    `VERDICT history: ${fixed(100 * h.shareOfCeiling, 1)} % of the ceiling's req/s (target ≥ ${100 * TARGET_SHARE} %), ` +
      `p99 ${h.p99Ms} ms (target ≤ ${TARGET_P99_MS} ms) → ${h.pass ? 'PASS' : 'MISS'}`,
  );
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
  if (!(seconds > 0) || !(warmup >= 0)) throw new Error('BENCH_SECONDS must be > 0 and BENCH_WARMUP_SECONDS ≥ 0');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the API and dropping the bench database`);
      void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  await runApiThroughput(seconds, warmup);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  });
}
