/**
 * Campaign report latency: GET /api/campaigns/:id/report (JSON) and /report.html of a 1,000-piece
 * ANNEAL_HOLD_MIN campaign (2,000 MAGNETIC measurements and SUCCEEDED runs), seeded with SQL into a
 * private, freshly migrated database that is dropped at the end (also on failure and Ctrl-C).
 *
 *   npm run bench:build && node dist/bench/report-latency.js
 *
 * Env: BENCH_PIECES (default 1000), BENCH_WARMUP (requests per route before measuring, default 5),
 * BENCH_REQUESTS (measured requests per route, default 30), BENCH_PG_URL.
 * Requests are sequential (one at a time) against the compiled API; latency is until the whole
 * body is read. Target (issue): a 1,000-piece campaign report in ≤ 300 ms, judged on p95 of each
 * route. Afterwards the same work is timed stage by stage in this process (see
 * pipeline-report-profile.ts). A MISS exits 0; setup errors or a wrong report exit 1.
 */
import { login, startApi } from './api-server';
import { recordRun, verdict } from './history';
import { createBenchDatabase, fixed, machineLine, onCleanup, printTable, runBench, spread } from './pipeline-common';
import { printProfile, profileReport } from './pipeline-report-profile';
import { seedReportCampaign, SeededCampaign } from './pipeline-report-seed';

const ADMIN = { email: 'bench-admin@vitrack.local', password: 'bench-admin-password' };
const TARGET_MS = 300;

interface ReportBody {
  pieces: { level: number; values: Record<string, number | null> }[];
  metrics: Record<string, { levels: { level: number; n: number; mean: number | null }[] }>;
  fits: { chiExponential: { tauMin: number; r2: number; n: number } | null };
  gaps: unknown[];
}

/** One look at the report before timing it, so a wrong seed cannot produce fast wrong numbers. */
function checkReport(r: ReportBody, seeded: SeededCampaign): string {
  const problems: string[] = [];
  if (r.pieces.length !== seeded.pieces) problems.push(`${r.pieces.length} pieces, expected ${seeded.pieces}`);
  const withChi = r.pieces.filter((p) => typeof p.values.chiAbs1p8KEmuPerGOe === 'number' && typeof p.values.fcZfcRatio === 'number').length;
  if (withChi !== seeded.pieces) problems.push(`${withChi} pieces with |χ| and FC/ZFC, expected ${seeded.pieces}`);
  const n = r.metrics.chiAbs1p8KEmuPerGOe?.levels.reduce((a, l) => a + l.n, 0);
  if (n !== seeded.pieces) problems.push(`|χ| level statistics cover ${n} pieces`);
  const fit = r.fits.chiExponential;
  if (!fit || Math.abs(fit.tauMin / seeded.tauMin - 1) > 0.2) problems.push(`τ fit ${JSON.stringify(fit)}, generated τ = ${seeded.tauMin} min`);
  if (r.gaps.length !== 0) problems.push(`gaps ${JSON.stringify(r.gaps)}`);
  if (problems.length > 0) throw new Error(`the report of the seeded campaign is wrong: ${problems.join('; ')}`);
  return `report checked: ${r.pieces.length} pieces over ${r.metrics.chiAbs1p8KEmuPerGOe.levels.length} levels, τ = ${fit!.tauMin.toFixed(3)} min (generated ${seeded.tauMin}), R² ${fit!.r2.toFixed(3)}, no gaps`;
}

async function timeRoute(url: string, token: string, expectType: string, warmup: number, requests: number): Promise<{ ms: number[]; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmup + requests; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    const elapsed = performance.now() - t;
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith(expectType)) {
      throw new Error(`GET ${url}: ${res.status} ${res.headers.get('content-type')} ${Buffer.from(body).toString().slice(0, 300)}`);
    }
    if (i >= warmup) ms.push(elapsed);
    bytes = body.byteLength;
  }
  return { ms, bytes };
}

async function main(): Promise<void> {
  const pieces = Number(process.env.BENCH_PIECES ?? 1000);
  const warmup = Number(process.env.BENCH_WARMUP ?? 5);
  const requests = Number(process.env.BENCH_REQUESTS ?? 30);
  if (!(pieces >= 6) || !(warmup >= 0) || !(requests >= 1)) throw new Error('BENCH_PIECES ≥ 6, BENCH_WARMUP ≥ 0 and BENCH_REQUESTS ≥ 1, please');
  console.log(machineLine());
  const db = await createBenchDatabase('report');
  console.log(`created and migrated ${db.name}`);
  const t = performance.now();
  const seeded = await seedReportCampaign(db.url, pieces);
  console.log(
    `seeded in ${fixed(performance.now() - t)} ms: 1 ANNEAL_HOLD_MIN campaign at 453 K, levels ${seeded.levels.join(', ')} min; ${seeded.pieces} pieces, ${seeded.measurements} MAGNETIC measurements (ZFC + FC), ${seeded.runs} SUCCEEDED runs`,
  );

  const api = await startApi({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: db.queuePrefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  onCleanup(api.stop);
  const token = await login(api.baseUrl, ADMIN.email, ADMIN.password);
  const base = `${api.baseUrl}/api/campaigns/${seeded.campaignId}`;
  const first = await fetch(`${base}/report`, { headers: { authorization: `Bearer ${token}` } });
  if (first.status !== 200) throw new Error(`GET report: ${first.status} ${await first.text()}`);
  console.log(checkReport((await first.json()) as ReportBody, seeded));

  console.log(`\nsequential requests, ${warmup} warm-up + ${requests} measured per route (ms until the whole body is read)`);
  const routes = [
    { route: 'GET /api/campaigns/:id/report (JSON)', url: `${base}/report`, type: 'application/json' },
    { route: 'GET /api/campaigns/:id/report.html', url: `${base}/report.html`, type: 'text/html' },
  ];
  const rows: { route: string; p50: number; p95: number; max: number; bytes: number }[] = [];
  for (const r of routes) {
    const { ms, bytes } = await timeRoute(r.url, token, r.type, warmup, requests);
    const s = spread(ms);
    rows.push({ route: r.route, p50: s.p50, p95: s.p95, max: s.max, bytes });
  }
  printTable(
    ['route', 'n', 'p50 ms', 'p95 ms', 'max ms', 'body KiB', `verdict (p95 ≤ ${TARGET_MS} ms)`],
    rows.map((r) => [
      r.route,
      String(requests),
      fixed(r.p50, 1),
      fixed(r.p95, 1),
      fixed(r.max, 1),
      fixed(r.bytes / 1024),
      r.p95 <= TARGET_MS ? 'PASS' : 'MISS',
    ]),
  );
  console.log(machineLine());
  await api.stop();

  console.log(`\nWHERE THE TIME GOES (same code in this process, API stopped; ${warmup} warm-up + ${requests} measured rounds)`);
  printProfile(await profileReport(db.url, seeded.campaignId, warmup, requests));
  const pass = rows.every((r) => r.p95 <= TARGET_MS);
  const [json, html] = rows;
  recordRun(
    'report-latency',
    { pieces, requests },
    { jsonP50Ms: json.p50, jsonP95Ms: json.p95, htmlP50Ms: html.p50, htmlP95Ms: html.p95 },
    { reportP95: verdict(pass) },
  );
  console.log(
    `\nVERDICT 1,000-piece report ≤ ${TARGET_MS} ms: ${rows.map((r) => `${r.route.replace('GET /api/campaigns/:id/', '')} p95 ${fixed(r.p95)} ms`).join(', ')} → ${pass ? 'PASS' : 'MISS'}`,
  );
}

if (require.main === module) runBench(main);
