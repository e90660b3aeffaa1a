/**
 * The web app in Chromium: how much JavaScript the login page ships (gzip), how long a sample page
 * with 20 analysed measurements takes until every one shows its status, plots (χ(T) and the local-Tc
 * distribution, from GET /api/analyses/:id/plot) and metrics, and how
 * long a 1,000-piece campaign's page takes until its report figure (3,000 points) and τ ± σ show.
 *
 *   npm run bench:build && node dist/bench/web-pages.js
 *
 * The sample page runs on the bench/api-seed database (10,000 pieces, 100,500 steps) with one
 * piece given 10 ZFC + 10 FC measurements, each with a SUCCEEDED run carrying the real magnetic
 * analyzer's output and curves; the report page on the report-latency seed (1,000 pieces, 2,000
 * runs). Both in private databases, dropped at the end. The app is built into dist/web first.
 * Times are from navigation start (the page's performance.now()) with the app's assets in the
 * browser's cache, as for a signed-in lab member; BENCH_RUNS (default 5) runs each, median and max.
 * Targets (issue 13): login JS ≤ 250 kB gzip; sample page ≤ 1.5 s; report page ≤ 2 s. A MISS exits 0.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { analyzeFile } from '../libs/analysis/src/index';
import { GLASS_DENSITY_G_CM3, magneticCampaign } from '../libs/instruments/src/campaign';
import { buildWebApp, launchChromium, signIn } from '../scripts/browser';
import { ROOT } from '../scripts/processes';
import { DEFAULT_SHAPE, seedDatabase, seededPieces } from './api-seed';
import { login, startApi } from './api-server';
import { recordRun, verdict } from './history';
import { createBenchDatabase, fixed, machineLine, onCleanup, printTable, runBench, spread } from './pipeline-common';
import { seedReportCampaign } from './pipeline-report-seed';

const ADMIN = { email: 'bench-admin@vitrack.local', password: 'bench-admin-password' };
const TARGETS = { loginJsGzipKB: 250, samplePageMs: 1500, reportPageMs: 2000 };
const MEASUREMENTS = 20;

/** Gives one piece 10 ZFC and 10 FC measurements, each with a file and a SUCCEEDED run of the real analyzer's output. */
async function addMeasurements(url: string, pieceId: string): Promise<void> {
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1, format: 'MPMS3_VSM' }).items[0];
  const enc = new TextEncoder();
  const base = { technique: 'MAGNETIC' as const, massG: item.massMg / 1000, densityGCm3: GLASS_DENSITY_G_CM3, fieldOe: item.zfc.fieldOe };
  const outputs = { ZFC: analyzeFile(enc.encode(item.zfc.text), { ...base, fc: enc.encode(item.fc.text) }), FC: analyzeFile(enc.encode(item.fc.text), base) };
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const user = (await db.query<{ id: string }>(`SELECT id FROM users LIMIT 1`)).rows[0].id;
    await db.query('BEGIN');
    for (let i = 0; i < MEASUREMENTS; i++) {
      const mode = i % 2 === 0 ? 'ZFC' : 'FC';
      const out = outputs[mode];
      if (!out.ok) throw new Error(`the analyzer failed on the template ${mode} file: ${out.error.message}`);
      const [mid, fid, rid] = [randomUUID(), randomUUID(), randomUUID()];
      const content = Buffer.from(`${mode === 'ZFC' ? item.zfc.text : item.fc.text}\n# copy ${i}`);
      const sha = createHash('sha256').update(content).digest('hex');
      await db.query(
        `INSERT INTO measurements (id, "sampleId", technique, instrument, conditions, "performedAt", "createdById") VALUES ($1, $2, 'MAGNETIC', 'virtual MPMS3', $3, now() - make_interval(mins => $4), $5)`,
        [mid, pieceId, JSON.stringify({ mode, fieldOe: 20, demagN: 0 }), MEASUREMENTS - i, user],
      );
      await db.query(`INSERT INTO data_files (id, sha256, "sizeBytes", content) VALUES ($1, $2, $3, $4)`, [fid, sha, content.length, content]);
      await db.query(`INSERT INTO measurement_files ("measurementId", "fileId", "fileName", "uploadedById") VALUES ($1, $2, $3, $4)`, [
        mid,
        fid,
        `${mode}-${i}.dat`,
        user,
      ]);
      await db.query(
        `INSERT INTO analysis_runs (id, "measurementId", "fileId", "fileSha256", analyzer, "analyzerVersion", status, metrics, warnings, curves, attempts, "publishedAt", "queuedAt", "startedAt", "finishedAt")
         VALUES ($1, $2, $3, $4, $5, $6, 'SUCCEEDED', $7, $8, $9, 1, now(), now(), now(), now())`,
        [
          rid,
          mid,
          fid,
          sha,
          out.value.analyzer,
          out.value.analyzerVersion,
          JSON.stringify(out.value.metrics),
          JSON.stringify(out.value.warnings),
          JSON.stringify(out.value.curves),
        ],
      );
    }
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

/** Gzip size of every script the login page loads (what a first visit downloads before it can sign in). */
async function loginPageJs(browser: Browser, base: string): Promise<{ files: number; rawKB: number; gzipKB: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body());
  });
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').waitFor();
  const all = await Promise.all(bodies);
  await context.close();
  return {
    files: all.length,
    rawKB: all.reduce((a, b) => a + b.length, 0) / 1000,
    gzipKB: all.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0) / 1000,
  };
}

/**
 * What must be on the page for it to count as ready: at least `count` elements matching each
 * selector; with `inView`, only those whose top is inside the window count (plots below the fold
 * are drawn as they scroll in). When all are there but none is in the window (the sample page's
 * latest-results strip puts the first plots below the fold of a 900 px window), the first is
 * scrolled into view, as a reader scrolls to the plots, and the time runs on until it is drawn.
 */
type Ready = { selector: string; count: number; inView?: string }[];

interface PageElement {
  getBoundingClientRect(): { top: number };
  querySelector(s: string): unknown;
  scrollIntoView(): void;
}

/**
 * Runs in the page: the ms since navigation start once every condition holds, else false. A
 * function, not a string: the page's CSP forbids eval.
 */
function readyAt(ready: Ready): number | false {
  const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<PageElement> }; innerHeight: number };
  const ok = ready.every((r) => {
    const all = Array.from(g.document.querySelectorAll(r.selector));
    if (!r.inView) return all.length >= r.count;
    const shown = all.filter((e) => e.getBoundingClientRect().top < g.innerHeight);
    if (all.length >= r.count && shown.length === 0) all[0].scrollIntoView();
    return all.length >= r.count && shown.length > 0 && shown.every((e) => e.querySelector(r.inView!) !== null);
  });
  return ok && performance.now();
}

/** Runs in the page: when the last response of each kind of API request ended (ms since navigation start). */
function lastResponses(): Record<string, number> {
  const perf = performance as unknown as { getEntriesByType(t: string): { name: string; responseEnd: number }[] };
  const out: Record<string, number> = {};
  for (const e of perf.getEntriesByType('resource')) {
    const kind = new URL(e.name).pathname.replace(/\/[0-9a-f-]{36}/g, '/:id').replace(/^\/assets\/.*/, 'assets');
    out[kind] = Math.max(out[kind] ?? 0, e.responseEnd);
  }
  return out;
}

/** ms from navigation start until the page is `ready`, over `runs` fresh signed-in windows; prints where the last run's time went. */
async function timePage(browser: Browser, base: string, path: string, ready: Ready, runs: number): Promise<number[]> {
  const ms: number[] = [];
  let breakdown: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, ADMIN.email, ADMIN.password);
    // Load the page once so its chunks are cached, as for someone already using the app.
    await page.goto(`${base}${path}`);
    await page.waitForFunction(readyAt, ready, { timeout: 60_000, polling: 'raf' });
    await page.goto(`${base}${path}`);
    const handle = await page.waitForFunction(readyAt, ready, { timeout: 60_000, polling: 'raf' });
    ms.push((await handle.jsonValue()) as number);
    breakdown = await page.evaluate(lastResponses);
    await context.close();
  }
  const steps = Object.entries(breakdown).sort((a, b) => a[1] - b[1]);
  console.log(
    `${path}: last response of each kind (ms since navigation start, last run): ${steps.map(([k, v]) => `${k} ${fixed(v)}`).join(', ')}; ready at ${fixed(ms[ms.length - 1])}`,
  );
  return ms;
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  console.log(machineLine());
  let t = performance.now();
  buildWebApp(join(ROOT, 'dist', 'web'));
  console.log(`built the web app into dist/web in ${fixed(performance.now() - t)} ms`);

  const seedDb = await createBenchDatabase('websample');
  t = performance.now();
  const counts = await seedDatabase(seedDb.url, DEFAULT_SHAPE);
  const piece = (await seededPieces(seedDb.url))[4321];
  await addMeasurements(seedDb.url, piece.id);
  console.log(
    `seeded ${seedDb.name} in ${fixed(performance.now() - t)} ms: ${counts.pieces} pieces, ${counts.steps} steps; ${piece.code} has ${MEASUREMENTS} analysed measurements`,
  );
  const reportDb = await createBenchDatabase('webreport');
  t = performance.now();
  const seeded = await seedReportCampaign(reportDb.url, 1000);
  console.log(`seeded ${reportDb.name} in ${fixed(performance.now() - t)} ms: ${seeded.pieces} pieces, ${seeded.runs} runs`);

  const env = (db: { url: string; queuePrefix: string }) => ({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: db.queuePrefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const sampleApi = await startApi(env(seedDb));
  onCleanup(sampleApi.stop);
  const reportApi = await startApi(env(reportDb));
  onCleanup(reportApi.stop);
  await login(sampleApi.baseUrl, ADMIN.email, ADMIN.password);
  const browser = await launchChromium();
  onCleanup(() => browser.close());

  const js = await loginPageJs(browser, sampleApi.baseUrl);
  // Every measurement's status and metrics, and the plots in the window drawn (χ(T) and the local-Tc distribution per run).
  const sampleReady = [
    { selector: '[data-testid=analysis-status]', count: MEASUREMENTS },
    { selector: 'tr[data-metric=tcOnsetK]', count: MEASUREMENTS },
    { selector: '[data-testid=analysis-chart]', count: 2 * MEASUREMENTS, inView: 'canvas' },
  ];
  const sample = spread(await timePage(browser, sampleApi.baseUrl, `/samples/${piece.code}`, sampleReady, runs));
  // Every piece's point in the three panels (plus the legend's icon), and the fitted τ.
  const reportReady = [
    { selector: '[data-testid=report-chart] svg path[fill="#4e79a7"]', count: 3 * seeded.pieces + 1 },
    { selector: '#fit-tau', count: 1 },
  ];
  const report = spread(await timePage(browser, reportApi.baseUrl, `/campaigns/${seeded.campaignId}`, reportReady, runs));

  const pass = { loginJs: js.gzipKB <= TARGETS.loginJsGzipKB, samplePage: sample.p50 <= TARGETS.samplePageMs, reportPage: report.p50 <= TARGETS.reportPageMs };
  printTable(
    ['page', 'figure', 'median', 'max', 'target', 'verdict'],
    [
      [
        '/login',
        `JS, ${js.files} files (raw ${fixed(js.rawKB)} kB)`,
        `${fixed(js.gzipKB, 1)} kB gzip`,
        '',
        `≤ ${TARGETS.loginJsGzipKB} kB`,
        verdict(pass.loginJs),
      ],
      [
        `/samples/<piece> (${MEASUREMENTS} measurements)`,
        `ms to all statuses + metrics, plots in view, n = ${runs}`,
        fixed(sample.p50),
        fixed(sample.max),
        `≤ ${TARGETS.samplePageMs} ms`,
        verdict(pass.samplePage),
      ],
      [
        `/campaigns/<id> (${seeded.pieces} pieces)`,
        `ms to report figure + τ, n = ${runs}`,
        fixed(report.p50),
        fixed(report.max),
        `≤ ${TARGETS.reportPageMs} ms`,
        verdict(pass.reportPage),
      ],
    ],
  );
  console.log(machineLine());
  recordRun(
    'web-pages',
    { runs, measurements: MEASUREMENTS, reportPieces: seeded.pieces },
    {
      loginJsGzipKB: js.gzipKB,
      loginJsRawKB: js.rawKB,
      samplePageP50Ms: sample.p50,
      samplePageMaxMs: sample.max,
      reportPageP50Ms: report.p50,
      reportPageMaxMs: report.max,
    },
    { loginJs: verdict(pass.loginJs), samplePage: verdict(pass.samplePage), reportPage: verdict(pass.reportPage) },
  );
}

if (require.main === module) runBench(main);
