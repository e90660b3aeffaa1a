/**
 * A/B of the campaign report between two built checkouts, in one sitting and on one seeded
 * database (the 1,000-piece campaign of report-latency.ts): both APIs serve the same rows, so
 * first their report bodies are compared byte for byte (JSON and HTML, `generatedAt` aside: a
 * faster report must be the same report), then rounds of sequential requests alternate between
 * them (A B, then B A, …) so a machine whose load drifts weighs on both alike. Read the ratios.
 *
 *   npm run bench:build && BENCH_AB_DIRS=/path/to/base,/path/to/this node dist/bench/report-ab.js
 *
 * Both checkouts need `npm ci && npm run bench:build`; the database is migrated with this
 * checkout's migrations. Env: BENCH_PIECES (default 1000), BENCH_AB_ROUNDS (default 6),
 * BENCH_AB_REQUESTS per side, route and round (default 5), BENCH_AB_ALLOW_DIFF=1 (time them even
 * if the bodies differ). Prints latency p50/p95 and API CPU per request per side and route, and
 * the median per-round CPU ratio B/A; records nothing (a comparison, not a figure of one build).
 * Different bodies exit 1.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuSnapshot } from './api-cpu';
import { login, RunningApi, startApi } from './api-server';
import { createBenchDatabase, fixed, machineLine, onCleanup, printTable, runBench, spread } from './pipeline-common';
import { seedReportCampaign } from './pipeline-report-seed';

const ADMIN = { email: 'bench-admin@vitrack.local', password: 'bench-admin-password' };
const TICK_MS = 10;

interface Side {
  name: 'A' | 'B';
  dir: string;
  api: RunningApi;
  token: string;
}

const ROUTES = [
  { name: 'report (JSON)', path: 'report' },
  { name: 'report.html', path: 'report.html' },
] as const;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function get(side: Side, url: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${side.token}` } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${side.name} GET ${url}: ${res.status} ${body.slice(0, 300)}`);
  return body;
}

/** The body with its generation time blanked: the only part of a report that may differ between two requests. */
function comparable(body: string, route: string): string {
  if (route === 'report') {
    const r = JSON.parse(body) as { generatedAt?: string };
    return body.split(JSON.stringify(r.generatedAt)).join('"<generatedAt>"');
  }
  return body.replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+Z| UTC)?/g, '<time>');
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

async function main(): Promise<void> {
  const dirs = (process.env.BENCH_AB_DIRS ?? '').split(',').filter(Boolean);
  if (dirs.length !== 2) throw new Error('BENCH_AB_DIRS=<checkout A>,<checkout B>, please');
  const pieces = Number(process.env.BENCH_PIECES ?? 1000);
  const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 6);
  const requests = Number(process.env.BENCH_AB_REQUESTS ?? 5);
  console.log(machineLine());
  const db = await createBenchDatabase('reportab');
  const seeded = await seedReportCampaign(db.url, pieces);
  console.log(`seeded ${db.name}: ${seeded.pieces} pieces, ${seeded.runs} runs`);

  const sides: Side[] = [];
  for (const [i, dir] of dirs.entries()) {
    // One after the other: the first creates the administrator, the second finds it.
    const api = await startApi(
      { DATABASE_URL: db.url, LOG_LEVEL: 'warn', QUEUE_PREFIX: `${db.queuePrefix}-${i}`, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
      [],
      60_000,
      dir,
    );
    onCleanup(api.stop);
    sides.push({ name: i === 0 ? 'A' : 'B', dir, api, token: await login(api.baseUrl, ADMIN.email, ADMIN.password) });
  }
  const url = (side: Side, path: string) => `${side.api.baseUrl}/api/campaigns/${seeded.campaignId}/${path}`;

  let differ = false;
  for (const r of ROUTES) {
    const [a, b] = await Promise.all(sides.map(async (s) => comparable(await get(s, url(s, r.path)), r.path)));
    const same = a === b;
    differ ||= !same;
    console.log(`${r.name}: A ${sha(a)} (${a.length} chars), B ${sha(b)} (${b.length} chars): ${same ? 'identical' : 'DIFFERENT'}`);
    if (!same) {
      const dir = mkdtempSync(join(tmpdir(), 'report-ab-'));
      writeFileSync(join(dir, 'A'), a);
      writeFileSync(join(dir, 'B'), b);
      console.log(`  both bodies written to ${dir}`);
    }
  }
  if (differ && process.env.BENCH_AB_ALLOW_DIFF !== '1') throw new Error('the two checkouts serve different reports');

  const ms: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const ratios: Record<string, number[]> = {};
  for (let round = 0; round < rounds + 1; round++) {
    // Round 0 warms both up and is not counted.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const r of ROUTES) {
      const perSide: Record<string, number> = {};
      for (const side of order) {
        const before = cpuSnapshot(side.api.child.pid).apiTicks ?? NaN;
        const times: number[] = [];
        for (let i = 0; i < requests; i++) {
          const t = performance.now();
          await get(side, url(side, r.path));
          times.push(performance.now() - t);
        }
        const after = cpuSnapshot(side.api.child.pid).apiTicks ?? NaN;
        if (round === 0) continue;
        const key = `${side.name} ${r.name}`;
        (ms[key] ??= []).push(...times);
        (cpu[key] ??= []).push(((after - before) * TICK_MS) / requests);
        perSide[side.name] = after - before;
      }
      if (round > 0) (ratios[r.name] ??= []).push(perSide.B / perSide.A);
    }
    if (round > 0) console.log(`round ${round}/${rounds} done, load average ${loadavg()[0].toFixed(1)}`);
  }

  printTable(
    ['route', 'side', 'n', 'p50 ms', 'p95 ms', 'API CPU ms/request (median of rounds)'],
    ROUTES.flatMap((r) =>
      sides.map((s) => {
        const key = `${s.name} ${r.name}`;
        const sp = spread(ms[key]);
        return [r.name, `${s.name} ${s.dir}`, String(ms[key].length), fixed(sp.p50, 1), fixed(sp.p95, 1), fixed(median(cpu[key]), 1)];
      }),
    ),
  );
  for (const r of ROUTES) {
    const xs = ratios[r.name];
    console.log(`${r.name}: API CPU B/A median ${fixed(median(xs), 2)} over ${xs.length} rounds (${xs.map((x) => fixed(x, 2)).join(' ')})`);
  }
  console.log(machineLine());
}

if (require.main === module) runBench(main);
