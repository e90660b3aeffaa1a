/**
 * A/B of the API's CPU per request between two built checkouts, interleaved in one sitting: both
 * APIs run at once on their own freshly migrated and seeded databases, and short autocannon bursts
 * alternate between them (A B, then B A, …), so a machine whose load drifts (other users) weighs on
 * both alike. Compare the ratio B/A, not the absolute figures.
 *
 *   npm run bench:build && BENCH_AB_DIRS=/path/to/base,/path/to/main node dist/bench/api-ab.js
 *
 * Both checkouts need `npm ci && npm run bench:build` (their own dist/apps/api). Env: BENCH_AB_ROUNDS
 * (default 8), BENCH_AB_SECONDS per burst (default 3), BENCH_ROUTES (words, e.g. "history,list"; default the
 * two list routes), BENCH_AB_AS=member (measure as a MEMBER of every project the side has, as
 * bench/api-throughput.ts does, instead of the ADMIN; a checkout without projects gets a plain MEMBER), BENCH_PG_URL, BENCH_CPU_PROF_DIR=<dir> (each API writes a V8 CPU profile to <dir>/A or
 * <dir>/B when it stops: two profiles of the same requests under the same load, to compare function
 * by function with dist/bench/cpu-profile-top.js). Prints each route's API CPU ms/request per side
 * and the median per-round ratio; records nothing (a comparison, not a figure of one build).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { autocannon, RequestSpec } from './api-autocannon';
import { median } from '../libs/analysis/src/core/numeric';
import { cpuSnapshot } from './api-cpu';
import { DEFAULT_SHAPE, seededPieces, seedDatabase } from './api-seed';
import { login, migrate, RunningApi, startApi } from './api-server';
import { adminSql, PG_BASE_URL } from '../scripts/pg-admin';
import { deleteKeysUnder } from '../scripts/redis-admin';

const CONNECTIONS = 50;
const ADMIN = { email: 'bench-admin@vitrack.local', password: 'bench-admin-password' };

interface Side {
  dir: string;
  db: string;
  prefix: string;
  api?: RunningApi;
  token?: string;
  /** Requests this side answered, warm-ups included (what its CPU profile covers). */
  answered: number;
  /** The seeded pieces' ids (each side's database has its own) and ribbon codes (the same on both). */
  pieceIds: string[];
  ribbons: string[];
}

interface Route {
  name: string;
  requests: (side: Side) => RequestSpec[];
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

const ROUTES: Route[] = [
  { name: 'history', requests: (side) => [{ setupRequest: (req) => ({ ...req, path: `/api/samples/${pick(side.pieceIds)}/history` }) }] },
  { name: 'kind+state list', requests: () => [{ path: '/api/samples?kind=PIECE&state=ANNEALED&limit=50' }] },
  {
    name: 'codePrefix list',
    requests: (side) => [{ setupRequest: (req) => ({ ...req, path: `/api/samples?kind=PIECE&codePrefix=${pick(side.ribbons)}&limit=50` }) }],
  },
  { name: 'health', requests: () => [{ path: '/health' }] },
];

/** One burst against one side: API CPU ticks (10 ms) and requests answered. */
async function burst(side: Side, route: Route, seconds: number): Promise<{ ticks: number; requests: number }> {
  const before = cpuSnapshot(side.api!.child.pid).apiTicks ?? NaN;
  const r = await autocannon({
    url: side.api!.baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${side.token}` },
    requests: route.requests(side),
  });
  const after = cpuSnapshot(side.api!.child.pid).apiTicks ?? NaN;
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${side.dir} ${route.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  side.answered += r.requests.total;
  return { ticks: after - before, requests: r.requests.total };
}

/** A logged-in MEMBER of every project the API has (none before projects existed: then a plain MEMBER, who saw everything). */
async function member(baseUrl: string, adminToken: string): Promise<string> {
  const email = 'bench-member@vitrack.local';
  const password = 'bench-member-password';
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const user = await post('/api/users', { email, name: 'Bench member', role: 'MEMBER', password });
  const projects = await fetch(`${baseUrl}/api/projects`, { headers: { authorization: `Bearer ${adminToken}` } });
  // 404 on a checkout from before projects.
  if (projects.status === 200) {
    for (const project of (await projects.json()) as { id: string }[]) {
      await post(`/api/projects/${project.id}/members`, { userId: user.id, role: 'MEMBER' });
    }
  }
  return login(baseUrl, email, password);
}

async function main(): Promise<void> {
  const dirs = (process.env.BENCH_AB_DIRS ?? '').split(',').filter(Boolean);
  if (dirs.length !== 2) throw new Error('BENCH_AB_DIRS must name two built checkouts, A,B');
  const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 8);
  const seconds = Number(process.env.BENCH_AB_SECONDS ?? 3);
  const words = (process.env.BENCH_ROUTES ?? 'list').split(',').filter(Boolean);
  const routes = ROUTES.filter((r) => words.some((w) => r.name.includes(w)));
  const tag = randomBytes(4).toString('hex');
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line.
  const nodeArgs = (i: number) => (profDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profDir, i === 0 ? 'A' : 'B')}`] : []);
  const sides: Side[] = dirs.map((dir, i) => ({
    dir,
    db: `vitrack_bench_ab${i}_${tag}`,
    prefix: `vt-bench-ab${i}-${tag}`,
    answered: 0,
    pieceIds: [],
    ribbons: [],
  }));
  const cleanup = async () => {
    for (const s of sides) {
      await s.api?.stop();
      await adminSql(`DROP DATABASE IF EXISTS "${s.db}" WITH (FORCE)`);
      await deleteKeysUnder(s.prefix);
    }
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    for (const [i, s] of sides.entries()) {
      const url = `${PG_BASE_URL}/${s.db}`;
      await adminSql(`CREATE DATABASE "${s.db}"`);
      await migrate(url, s.dir);
      await seedDatabase(url, DEFAULT_SHAPE);
      const pieces = await seededPieces(url);
      s.pieceIds = pieces.map((p) => p.id);
      s.ribbons = [...new Set(pieces.map((p) => p.code.slice(0, -4)))];
      s.api = await startApi(
        { DATABASE_URL: url, LOG_LEVEL: 'warn', QUEUE_PREFIX: s.prefix, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
        nodeArgs(i),
        60_000,
        s.dir,
      );
      s.token = await login(s.api.baseUrl, ADMIN.email, ADMIN.password);
      if (process.env.BENCH_AB_AS === 'member') s.token = await member(s.api.baseUrl, s.token);
      console.log(`${s.dir}: API up on ${s.api.baseUrl}, database ${s.db}`);
    }
    const loadBefore = loadavg()[0];
    for (const route of routes) {
      // Warm-up: JIT and pools on both sides, not counted.
      for (const s of sides) await burst(s, route, seconds);
      const totals = sides.map(() => ({ ticks: 0, requests: 0 }));
      const ratios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? [0, 1] : [1, 0];
        const msPerReq: number[] = [];
        for (const i of order) {
          const b = await burst(sides[i], route, seconds);
          totals[i].ticks += b.ticks;
          totals[i].requests += b.requests;
          msPerReq[i] = (10 * b.ticks) / b.requests;
        }
        ratios.push(msPerReq[1] / msPerReq[0]);
      }
      const ms = totals.map((t) => (10 * t.ticks) / t.requests);
      const rps = totals.map((t) => t.requests / (rounds * seconds));
      console.log(
        `${route.name}: A ${ms[0].toFixed(3)} ms CPU/req (${rps[0].toFixed(0)} req/s), B ${ms[1].toFixed(3)} ms CPU/req (${rps[1].toFixed(0)} req/s); ` +
          `B/A overall ${(ms[1] / ms[0]).toFixed(3)}, median of ${rounds} rounds ${median(ratios).toFixed(3)} [${ratios.map((x) => x.toFixed(2)).join(' ')}]`,
      );
    }
    console.log(`load average (1 min) ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}; A = ${dirs[0]}, B = ${dirs[1]}`);
    if (profDir) console.log(`CPU profiles in ${profDir}/A and ${profDir}/B; requests answered in all: A ${sides[0].answered}, B ${sides[1].answered}`);
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
