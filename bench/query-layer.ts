/**
 * The query-layer choice, measured: the two representative reads of the API, run in this process
 * on ONE pg.Pool (the application's Database), once through Kysely (the repositories as they are)
 * and once through Prisma 6.19's query compiler over @prisma/adapter-pg on that same pool (the
 * code those repositories had before, kept here for the comparison only):
 *   - MeasurementsRepository.detail: GET /api/measurements/:id (a measurement, 2 files, 2 runs);
 *   - CampaignsRepository.measurementFacts: the campaign report's input (1,000 pieces, 2,000
 *     measurements and runs with their metrics).
 * Calls alternate between the two layers, one at a time; per call it prints wall time (p50/p95)
 * and this process's CPU (user + system), the figure that bounds throughput on a 2-core machine.
 *
 *   npm run build && node dist/bench/query-layer.js
 *
 * Env: BENCH_PIECES (default 1000), BENCH_ROUNDS (detail rounds, default 400; facts: a tenth).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { loadEnv } from '../src/config/env';
import { Database } from '../src/infra/database/database';
import { CampaignsRepository } from '../src/modules/campaigns/campaigns.repository';
import { MeasurementsRepository } from '../src/modules/measurements/measurements.repository';
import { recordRun } from './history';
import { createBenchDatabase, fixed, machineLine, onCleanup, printTable, runBench, spread } from './pipeline-common';
import { seedReportCampaign } from './pipeline-report-seed';

const PIECES = Number(process.env.BENCH_PIECES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);

/** MeasurementsRepository.detail as it was written on Prisma. */
const prismaDetail = (prisma: PrismaClient, id: string) =>
  prisma.measurement.findUnique({
    where: { id },
    include: {
      files: { select: { fileName: true, createdAt: true, file: { select: { id: true, sha256: true, sizeBytes: true } } }, orderBy: { createdAt: 'asc' } },
      runs: { omit: { curves: true }, orderBy: { createdAt: 'desc' } },
    },
  });

/** CampaignsRepository.measurementFacts as it was written on Prisma. */
async function prismaFacts(prisma: PrismaClient, campaignId: string) {
  const rows = await prisma.measurement.findMany({
    where: { sample: { assignments: { some: { campaignId } } } },
    select: {
      sampleId: true,
      technique: true,
      conditions: true,
      _count: { select: { files: true } },
      runs: { select: { id: true, status: true, analyzer: true, analyzerVersion: true, createdAt: true, metrics: true }, orderBy: { createdAt: 'desc' } },
    },
  });
  return rows.map((m) => {
    const mode = (m.conditions as { mode?: unknown } | null)?.mode;
    return { sampleId: m.sampleId, technique: m.technique, mode: mode === 'ZFC' || mode === 'FC' ? mode : null, fileCount: m._count.files, runs: m.runs };
  });
}

interface Sample {
  ms: number[];
  cpuUs: number;
}

async function timed(s: Sample, fn: () => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  s.ms.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  s.cpuUs += used.user + used.system;
}

runBench(async () => {
  const db = await createBenchDatabase('querylayer');
  const seeded = await seedReportCampaign(db.url, PIECES);
  const database = new Database(loadEnv({ DATABASE_URL: db.url }));
  const prisma = new PrismaClient({ adapter: new PrismaPg(database.pool) });
  onCleanup(async () => {
    await prisma.$disconnect();
    await database.onModuleDestroy();
  });
  const measurements = new MeasurementsRepository(database);
  const campaigns = new CampaignsRepository(database);
  const [{ id: measurementId }] = await database.kysely.selectFrom('measurements').select('id').orderBy('id').limit(1).execute();

  // Same answer from both layers before any timing.
  const [k, p] = [await campaigns.measurementFacts(seeded.campaignId), await prismaFacts(prisma, seeded.campaignId)];
  const runsOf = (facts: { runs: unknown[] }[]) => facts.reduce((a, f) => a + f.runs.length, 0);
  if (k.length !== p.length || runsOf(k) !== runsOf(p) || k.length !== seeded.measurements) {
    throw new Error(`the layers disagree: Kysely ${k.length} measurements / ${runsOf(k)} runs, Prisma ${p.length} / ${runsOf(p)}`);
  }

  const routes = [
    { name: 'measurement detail', rounds: ROUNDS, kysely: () => measurements.detail(measurementId), prisma: () => prismaDetail(prisma, measurementId) },
    {
      name: `report input (${seeded.measurements} measurements)`,
      rounds: Math.max(10, Math.round(ROUNDS / 10)),
      kysely: () => campaigns.measurementFacts(seeded.campaignId),
      prisma: () => prismaFacts(prisma, seeded.campaignId),
    },
  ];
  const figures: Record<string, number> = {};
  const rows: string[][] = [];
  for (const [i, r] of routes.entries()) {
    const warm = Math.max(5, Math.round(r.rounds / 10));
    for (let j = 0; j < warm; j++) await Promise.all([r.kysely(), r.prisma()]);
    const ks: Sample = { ms: [], cpuUs: 0 };
    const ps: Sample = { ms: [], cpuUs: 0 };
    for (let j = 0; j < r.rounds; j++) {
      if (j % 2 === 0) {
        await timed(ks, r.kysely);
        await timed(ps, r.prisma);
      } else {
        await timed(ps, r.prisma);
        await timed(ks, r.kysely);
      }
    }
    const key = i === 0 ? 'detail' : 'facts';
    for (const [layer, s] of [
      ['kysely', ks],
      ['prisma', ps],
    ] as const) {
      const sp = spread(s.ms);
      const cpuMs = s.cpuUs / 1000 / r.rounds;
      figures[`${key}_${layer}_p50_ms`] = sp.p50;
      figures[`${key}_${layer}_p95_ms`] = sp.p95;
      figures[`${key}_${layer}_cpu_ms`] = cpuMs;
      rows.push([r.name, layer, fixed(sp.p50, 2), fixed(sp.p95, 2), fixed(cpuMs, 2)]);
    }
    figures[`${key}_prisma_cpu_ratio`] = figures[`${key}_prisma_cpu_ms`] / figures[`${key}_kysely_cpu_ms`];
  }
  console.log(machineLine());
  printTable(['route', 'layer', 'p50 ms', 'p95 ms', 'CPU ms / call'], rows);
  console.log(
    `Prisma over the same pool costs ${fixed(figures.detail_prisma_cpu_ratio, 1)}× Kysely's CPU on the measurement detail and ${fixed(figures.facts_prisma_cpu_ratio, 1)}× on the report input`,
  );
  recordRun('query-layer', { pieces: PIECES, rounds: ROUNDS }, figures, {});
});
