import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { Queue } from 'bullmq';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { writeMpms3Vsm } from '../../libs/instruments/src/mpms';
import { AnalysesService } from '../../src/modules/analyses/analyses.service';
import { AnalysisRunner } from '../../src/modules/analyses/analysis-runner.service';
import { newAlloy } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';
import { uniquePrefix } from '../setup/test-db';
import { WorkerProcess } from '../setup/test-worker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CURRENT = '1.0.0';

/**
 * Runs carry the analyzer version they were made for, and a worker analyses only runs of the
 * versions it has: an older run is superseded and its file queued for the current version, a
 * newer one waits for a newer worker, and a starting worker queues what older versions analysed.
 */
describe('analyzer versions across upgrades', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let env: Record<string, string>;
  let member: { id: string; token: string };
  let pieceId: string;
  let db: PrismaClient;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];
  const sweep = (seed: number) =>
    writeMpms3Vsm(item.model, { seed, mode: 'ZFC', direction: 'up', points: 400, fieldOe: item.zfc.fieldOe, massMg: item.massMg, noiseEmu: 5e-8 }).text;

  beforeAll(async () => {
    const prefix = uniquePrefix('versions');
    api = await TestApi.start({ QUEUE_PREFIX: prefix });
    env = { DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix };
    worker = await WorkerProcess.start(env);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: api.databaseUrl }) });
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    member = await newUser(api, admin, 'MEMBER');
    const alloy = await newAlloy(api, pi.token);
    const ingot = await api.request('POST', '/api/samples/ingots', { token: member.token, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    const ribbon = await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: member.token, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    pieceId = (
      await api.request('POST', `/api/samples/${ribbon.body.id}/pieces`, { token: member.token, body: { count: 1, lengthMm: 4, massMg: item.massMg } })
    ).body[0].id;
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await db?.$disconnect();
    await api?.close();
  });

  /** A file analysed once through the API, and a second measurement holding the same file with no run yet. */
  async function fileOnSecondMeasurement(seed: number) {
    const first = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member.token, first.id, `v-${seed}.dat`, sweep(seed));
    await waitForRuns(api, member.token, up.body.analysisRunIds);
    const second = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    await db.measurementFile.create({ data: { measurementId: second.id, fileId: up.body.fileId, fileName: `v-${seed}.dat`, uploadedById: member.id } });
    return { measurementId: second.id, fileId: up.body.fileId as string, fileSha256: up.body.sha256 as string };
  }

  /** A QUEUED run left for the sweeper to publish (publishedAt null), as an API of another version would leave it. */
  const queuedRun = (target: { measurementId: string; fileId: string; fileSha256: string }, analyzerVersion: string) =>
    db.analysisRun.create({ data: { ...target, analyzer: 'magnetic', analyzerVersion } });

  async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await read();
      if (done(v) || Date.now() > deadline) return v;
      await sleep(200);
    }
  }

  it('a run queued for an older version is failed as superseded, and its file analysed once at the current version', async () => {
    const target = await fileOnSecondMeasurement(5001);
    const old = await queuedRun(target, '0.9.0');
    const runs = await waitFor(
      () => db.analysisRun.findMany({ where: { measurementId: target.measurementId }, orderBy: { createdAt: 'asc' } }),
      (rs) => rs.length === 2 && rs[1].status === 'SUCCEEDED',
    );
    expect(runs.map((r) => [r.analyzerVersion, r.status, r.errorCode, r.attempts])).toEqual([
      ['0.9.0', 'FAILED', 'ANALYZER_SUPERSEDED', 0],
      [CURRENT, 'SUCCEEDED', null, 1],
    ]);
    expect(runs[0]).toMatchObject({ id: old.id, error: expect.stringContaining(`replaced by ${CURRENT}`), metrics: null });
  }, 60_000);

  it('a run queued for a newer version waits on the queue, untouched, for a worker that has it', async () => {
    const target = await fileOnSecondMeasurement(5002);
    const newer = await queuedRun(target, '9.0.0');
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const queue = new Queue('analysis', { connection: { host: redis.hostname, port: Number(redis.port || 6379) }, prefix: env.QUEUE_PREFIX });
    try {
      const state = await waitFor(
        async () => (await queue.getJob(newer.id))?.getState(),
        (s) => s === 'delayed',
      );
      expect(state).toBe('delayed');
      await sleep(1_000);
      expect(await db.analysisRun.findUniqueOrThrow({ where: { id: newer.id } })).toMatchObject({ status: 'QUEUED', attempts: 0, metrics: null });
      await queue.remove(newer.id);
    } finally {
      await queue.close();
    }
    await db.analysisRun.delete({ where: { id: newer.id } });
  }, 60_000);

  it('a starting worker queues again, once, every file whose newest result came from an older version', async () => {
    const m = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member.token, m.id, 'upgrade.dat', sweep(5003));
    await waitForRuns(api, member.token, up.body.analysisRunIds);
    await worker.stop();
    // Version strings are data: this is what the database holds after an analyzer upgrade.
    await db.analysisRun.update({ where: { id: up.body.analysisRunIds[0] }, data: { analyzerVersion: '0.9.0' } });
    worker = await WorkerProcess.start(env);
    const runs = await waitFor(
      () => db.analysisRun.findMany({ where: { measurementId: m.id }, orderBy: { createdAt: 'asc' } }),
      (rs) => rs.length === 2 && rs[1].status === 'SUCCEEDED',
    );
    expect(runs.map((r) => [r.analyzerVersion, r.status])).toEqual([
      ['0.9.0', 'SUCCEEDED'],
      [CURRENT, 'SUCCEEDED'],
    ]);
    expect(worker.log).toContain('queued 1 file(s) analysed by an older analyzer version');
    expect(await db.auditLog.count({ where: { action: 'analysis.reanalyze', actorId: null } })).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('two re-queues at once (workers starting together) create each current-version run once, without a unique-key failure', async () => {
    const m = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member.token, m.id, 'together.dat', sweep(5004));
    await waitForRuns(api, member.token, up.body.analysisRunIds);
    await db.analysisRun.update({ where: { id: up.body.analysisRunIds[0] }, data: { analyzerVersion: '0.9.0' } });
    const analyses = api.app.get(AnalysesService);
    const [a, b] = await Promise.all([analyses.reanalyzeOutdated(), analyses.reanalyzeOutdated()]);
    expect([...a, ...b]).toHaveLength(1);
    const fresh = await waitForRuns(api, member.token, [...a, ...b]);
    expect(Object.values(fresh).map((r) => [r.analyzerVersion, r.status])).toEqual([[CURRENT, 'SUCCEEDED']]);
    expect(await db.analysisRun.count({ where: { measurementId: m.id } })).toBe(2);
  }, 60_000);

  it('a run given up after its last attempt fails once, with the reason, without being claimed', async () => {
    const target = await fileOnSecondMeasurement(5005);
    // A version no worker has: the worker leaves it waiting, so only giveUp touches it.
    const run = await queuedRun(target, '9.1.0');
    const runner = api.app.get(AnalysisRunner);
    await runner.giveUp(run.id, 'Redis did not answer');
    await runner.giveUp(run.id, 'a second delivery');
    expect(await db.analysisRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: 'FAILED',
      errorCode: 'TRANSIENT_FAILURE',
      error: 'gave up after 0 attempt(s): Redis did not answer',
      attempts: 0,
      timings: {},
      finishedAt: expect.any(Date),
    });
  }, 60_000);
});
