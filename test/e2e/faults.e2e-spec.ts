import { Queue } from 'bullmq';
import { sql } from 'kysely';
import { TECHNIQUE_REGISTRY } from '../../libs/analysis/src/techniques';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { writeMpms3Vsm } from '../../libs/instruments/src/mpms';
import { Database } from '../../src/infra/database/database';
import { newAlloy } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { eventually, when } from '../setup/eventually';
import { PrivateRedis } from '../setup/private-redis';
import { TestApi } from '../setup/test-api';
import { openDatabase, uniquePrefix } from '../setup/test-db';
import { WorkerProcess } from '../setup/test-worker';

/**
 * Each fault test asserts nothing lost and nothing duplicated. They break only their own Redis
 * (a private instance on a spare port) and their own worker process.
 */
describe('pipeline under faults', () => {
  let redis: PrivateRedis;
  let api: TestApi;
  let worker: WorkerProcess;
  let env: Record<string, string>;
  let member: string;
  let pieceId: string;
  let database: Database;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  /** Distinct files (different seeds) of the same piece, so each upload is a new file. */
  const sweep = (seed: number, points = 400) =>
    writeMpms3Vsm(item.model, { seed, mode: 'ZFC', direction: 'up', points, fieldOe: item.zfc.fieldOe, massMg: item.massMg, noiseEmu: 5e-8 }).text;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    const prefix = uniquePrefix('faults');
    api = await TestApi.start({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
    env = { DATABASE_URL: api.databaseUrl, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '2' };
    worker = await WorkerProcess.start(env);
    database = openDatabase(api.databaseUrl);
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    member = (await newUser(api, admin, 'MEMBER')).token;
    const alloy = await newAlloy(api, pi.token);
    const ingot = await api.request('POST', '/api/samples/ingots', { token: member, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    const ribbon = await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: member, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    pieceId = (await api.request('POST', `/api/samples/${ribbon.body.id}/pieces`, { token: member, body: { count: 1, lengthMm: 4, massMg: item.massMg } }))
      .body[0].id;
  });

  afterAll(async () => {
    await worker?.stop();
    await database?.onModuleDestroy();
    await api?.close();
    redis?.stop();
  });

  async function expectExactlyOnce(runIds: string[], measurementIds: string[]) {
    const runs = await database.kysely
      .selectFrom('analysis_runs')
      .select(['id', 'measurementId', 'status', 'attempts', 'metrics'])
      .where('measurementId', '=', sql<string>`ANY(${measurementIds}::uuid[])`)
      .execute();
    expect(runs).toHaveLength(runIds.length);
    expect(new Set(runs.map((r) => r.id))).toEqual(new Set(runIds));
    return runs;
  }

  it('a worker killed with SIGKILL mid-job is replaced and every run finishes once', async () => {
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const runIds: string[] = [];
    for (let i = 0; i < 6; i++) runIds.push(...(await upload(api, member, m.id, `big-${i}.dat`, sweep(100 + i, 30_000))).body.analysisRunIds);
    // Kill the worker while at least one job is running.
    const running = async () =>
      (
        await database.kysely
          .selectFrom('analysis_runs')
          .select('id')
          .where('id', '=', sql<string>`ANY(${runIds}::uuid[])`)
          .where('status', '=', 'RUNNING')
          .execute()
      ).length;
    await eventually('a job running', async () => when(await running(), (n) => n > 0), 90_000, 20);
    await worker.stop('SIGKILL');
    worker = await WorkerProcess.start(env);
    const done = await waitForRuns(api, member, runIds, 90_000);
    expect(Object.values(done).map((r) => r.status)).toEqual(runIds.map(() => 'SUCCEEDED'));
    const runs = await expectExactlyOnce(runIds, [m.id]);
    // The interrupted job ran again (attempts ≥ 2) and still produced a single result.
    expect(Math.max(...runs.map((r) => r.attempts))).toBeGreaterThanOrEqual(2);
  }, 150_000);

  it('Redis stopped during 50 uploads and restarted: every upload accepted, every run analysed once', async () => {
    const measurements = await Promise.all(Array.from({ length: 5 }, () => newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' })));
    const runIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      if (i === 10) redis.stop();
      if (i === 35) redis.startAgain();
      const res = await upload(api, member, measurements[i % 5].id, `r-${i}.dat`, sweep(1000 + i));
      expect({ i, status: res.status, body: res.status === 202 ? 'ok' : res.body }).toEqual({ i, status: 202, body: 'ok' });
      runIds.push(...res.body.analysisRunIds);
    }
    expect(new Set(runIds).size).toBe(50);
    const done = await waitForRuns(api, member, runIds, 120_000);
    expect(Object.values(done).filter((r) => r.status === 'SUCCEEDED')).toHaveLength(50);
    await expectExactlyOnce(
      runIds,
      measurements.map((m) => m.id),
    );
  }, 180_000);

  it('a run committed but never queued (the API died before publishing) is found by the sweeper and analysed once', async () => {
    await worker.stop();
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member, m.id, 'orphan.dat', sweep(4001));
    expect(up.status).toBe(202);
    // Dropping the waiting job leaves exactly what a crash between commit and publish leaves:
    // a QUEUED run marked published at commit, and no job.
    const queue = new Queue('analysis', { connection: { host: '127.0.0.1', port: redis.port }, prefix: env.QUEUE_PREFIX });
    try {
      await queue.drain();
      expect(await queue.getJob(up.body.analysisRunIds[0])).toBeUndefined();
    } finally {
      await queue.close();
    }
    const run = await database.kysely.selectFrom('analysis_runs').selectAll().where('id', '=', up.body.analysisRunIds[0]).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'QUEUED', publishedAt: expect.any(Date) });
    worker = await WorkerProcess.start(env);
    // The sweeper checks runs published over 20 s ago against the queue every 2 s.
    const done = await waitForRuns(api, member, up.body.analysisRunIds);
    expect(Object.values(done).map((r) => [r.status, r.attempts])).toEqual([['SUCCEEDED', 1]]);
    await expectExactlyOnce(up.body.analysisRunIds, [m.id]);
  }, 210_000);

  it('a malformed file among good ones fails alone, with its reason', async () => {
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const files = [sweep(2001), '[Header]\nINFO,1,SAMPLE_MASS\n[Data]\nComment,Temperature (K)\n', sweep(2002), sweep(2003)];
    const runIds: string[] = [];
    for (const [i, text] of files.entries()) runIds.push(...(await upload(api, member, m.id, `mix-${i}.dat`, text)).body.analysisRunIds);
    const done = await waitForRuns(api, member, runIds);
    expect(runIds.map((id) => done[id].status)).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(done[runIds[1]]).toMatchObject({ attempts: 1, errorCode: 'TOO_FEW_POINTS' });
    await expectExactlyOnce(runIds, [m.id]);
  });

  it('rerun after an analyzer version bump: new runs at the current version, old results kept, newest shown', async () => {
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member, m.id, 'old.dat', sweep(3001));
    await waitForRuns(api, member, up.body.analysisRunIds);
    // Pretend the stored result came from an older analyzer: version strings are data, not code.
    await database.kysely.updateTable('analysis_runs').set({ analyzerVersion: '0.9.0' }).where('id', '=', up.body.analysisRunIds[0]).execute();
    const rerun = await api.request('POST', '/api/analyses/rerun', { token: member, body: { analyzer: 'magnetic', belowVersion: '1.0.0' } });
    expect(rerun.status).toBe(202);
    expect(rerun.body.analysisRunIds).toHaveLength(1);
    const [fresh] = Object.values(await waitForRuns(api, member, rerun.body.analysisRunIds));
    // The version this build implements, whatever it is today (it moves with every analyzer change).
    const current = TECHNIQUE_REGISTRY.get('MAGNETIC').analyzer.version;
    expect(fresh).toMatchObject({ status: 'SUCCEEDED', analyzerVersion: current });
    const detail = await api.request('GET', `/api/measurements/${m.id}`, { token: member });
    expect(detail.body.files[0].latestAnalysis).toMatchObject({ id: fresh.id, analyzerVersion: current });
    expect(detail.body.files[0].analyses.map((a: { analyzerVersion: string }) => a.analyzerVersion)).toEqual([current, '0.9.0']);
    const again = await api.request('POST', '/api/analyses/rerun', { token: member, body: { analyzer: 'magnetic', belowVersion: '1.0.0' } });
    expect(again.body.analysisRunIds).toEqual([]);
    expect((await api.request('POST', '/api/analyses/rerun', { token: member, body: { analyzer: 'nmr' } })).body.field).toBe('analyzer');
  });
});
