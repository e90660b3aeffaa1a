import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { ANALYZER as MAGNETIC_ANALYZER } from '../../libs/analysis/src/magnetic/index';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { writeMpms3Vsm } from '../../libs/instruments/src/mpms';
import { Database } from '../../src/infra/database/database';
import { AnalysesService } from '../../src/modules/analyses/analyses.service';
import { AnalysisRunner } from '../../src/modules/analyses/analysis-runner.service';
import { newAlloy } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { eventually, when } from '../setup/eventually';
import { TestApi } from '../setup/test-api';
import { openDatabase, uniquePrefix } from '../setup/test-db';
import { WorkerProcess } from '../setup/test-worker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CURRENT = MAGNETIC_ANALYZER.version;

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
  let database: Database;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];
  const sweep = (seed: number) =>
    writeMpms3Vsm(item.model, { seed, mode: 'ZFC', direction: 'up', points: 400, fieldOe: item.zfc.fieldOe, massMg: item.massMg, noiseEmu: 5e-8 }).text;

  beforeAll(async () => {
    const prefix = uniquePrefix('versions');
    api = await TestApi.start({ QUEUE_PREFIX: prefix });
    env = { DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix };
    worker = await WorkerProcess.start(env);
    database = openDatabase(api.databaseUrl);
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    member = await newUser(api, admin, 'MEMBER');
    const alloy = await newAlloy(api, pi.token);
    const ingot = await api.request('POST', '/api/samples/ingots', { token: member.token, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    const ribbon = await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: member.token, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    pieceId = (
      await api.request('POST', `/api/samples/${ribbon.body.id}/pieces`, { token: member.token, body: { count: 1, lengthMm: 4, massMg: item.massMg } })
    ).body[0].id;
  });

  afterAll(async () => {
    await worker?.stop();
    await database?.onModuleDestroy();
    await api?.close();
  });

  /** A file analysed once through the API, and a second measurement holding the same file with no run yet. */
  async function fileOnSecondMeasurement(seed: number) {
    const first = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member.token, first.id, `v-${seed}.dat`, sweep(seed));
    await waitForRuns(api, member.token, up.body.analysisRunIds);
    const second = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    await database.kysely
      .insertInto('measurement_files')
      .values({ measurementId: second.id, fileId: up.body.fileId, fileName: `v-${seed}.dat`, uploadedById: member.id })
      .execute();
    return { measurementId: second.id, fileId: up.body.fileId as string, fileSha256: up.body.sha256 as string };
  }

  /** A QUEUED run left for the sweeper to publish (publishedAt null), as an API of another version would leave it. */
  const queuedRun = (target: { measurementId: string; fileId: string; fileSha256: string }, analyzerVersion: string) =>
    database.kysely
      .insertInto('analysis_runs')
      .values({ id: randomUUID(), ...target, analyzer: 'magnetic', analyzerVersion })
      .returning('id')
      .executeTakeFirstOrThrow();

  const RUN = ['id', 'analyzerVersion', 'status', 'errorCode', 'error', 'attempts', 'metrics', 'timings', 'finishedAt'] as const;
  const runsOf = (measurementId: string) =>
    database.kysely.selectFrom('analysis_runs').select(RUN).where('measurementId', '=', measurementId).orderBy('createdAt').execute();
  const run = (id: string) => database.kysely.selectFrom('analysis_runs').select(RUN).where('id', '=', id).executeTakeFirstOrThrow();

  /** `read()` once `done` holds (the worker reaches it in its own time). */
  const waitFor = <T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> =>
    eventually('the runs the worker leaves', async () => when(await read(), done));

  it('a run queued for an older version is failed as superseded, and its file analysed once at the current version', async () => {
    const target = await fileOnSecondMeasurement(5001);
    const old = await queuedRun(target, '0.9.0');
    const runs = await waitFor(
      () => runsOf(target.measurementId),
      (rs) => rs.length === 2 && rs[1].status === 'SUCCEEDED',
    );
    expect(runs.map((r) => [r.analyzerVersion, r.status, r.errorCode, r.attempts])).toEqual([
      ['0.9.0', 'FAILED', 'ANALYZER_SUPERSEDED', 0],
      [CURRENT, 'SUCCEEDED', null, 1],
    ]);
    expect(runs[0]).toMatchObject({ id: old.id, error: expect.stringContaining(`replaced by ${CURRENT}`), metrics: null });
  });

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
      expect(await run(newer.id)).toMatchObject({ status: 'QUEUED', attempts: 0, metrics: null });
      await queue.remove(newer.id);
    } finally {
      await queue.close();
    }
    await database.kysely.deleteFrom('analysis_runs').where('id', '=', newer.id).execute();
  });

  it('a starting worker queues again, once, every file whose newest result came from an older version', async () => {
    const m = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member.token, m.id, 'upgrade.dat', sweep(5003));
    await waitForRuns(api, member.token, up.body.analysisRunIds);
    await worker.stop();
    // Version strings are data: this is what the database holds after an analyzer upgrade.
    await database.kysely.updateTable('analysis_runs').set({ analyzerVersion: '0.9.0' }).where('id', '=', up.body.analysisRunIds[0]).execute();
    worker = await WorkerProcess.start(env);
    const runs = await waitFor(
      () => runsOf(m.id),
      (rs) => rs.length === 2 && rs[1].status === 'SUCCEEDED',
    );
    expect(runs.map((r) => [r.analyzerVersion, r.status])).toEqual([
      ['0.9.0', 'SUCCEEDED'],
      [CURRENT, 'SUCCEEDED'],
    ]);
    expect(worker.log).toContain('queued 1 file(s) analysed by an older analyzer version');
    const reanalyses = await database.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'analysis.reanalyze')
      .where('actorId', 'is', null)
      .execute();
    expect(reanalyses.length).toBeGreaterThanOrEqual(2);
  });

  it('two re-queues at once (workers starting together) create each current-version run once, without a unique-key failure', async () => {
    const m = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member.token, m.id, 'together.dat', sweep(5004));
    await waitForRuns(api, member.token, up.body.analysisRunIds);
    await database.kysely.updateTable('analysis_runs').set({ analyzerVersion: '0.9.0' }).where('id', '=', up.body.analysisRunIds[0]).execute();
    const analyses = api.app.get(AnalysesService);
    const [a, b] = await Promise.all([analyses.reanalyzeOutdated(), analyses.reanalyzeOutdated()]);
    expect([...a, ...b]).toHaveLength(1);
    const fresh = await waitForRuns(api, member.token, [...a, ...b]);
    expect(Object.values(fresh).map((r) => [r.analyzerVersion, r.status])).toEqual([[CURRENT, 'SUCCEEDED']]);
    expect(await runsOf(m.id)).toHaveLength(2);
  });

  it('a run given up after its last attempt fails once, with the reason, without being claimed', async () => {
    const target = await fileOnSecondMeasurement(5005);
    // A version no worker has: the worker leaves it waiting, so only giveUp touches it.
    const given = await queuedRun(target, '9.1.0');
    const runner = api.app.get(AnalysisRunner);
    await runner.giveUp(given.id, 'Redis did not answer');
    await runner.giveUp(given.id, 'a second delivery');
    expect(await run(given.id)).toMatchObject({
      status: 'FAILED',
      errorCode: 'TRANSIENT_FAILURE',
      error: 'gave up after 0 attempt(s): Redis did not answer',
      attempts: 0,
      timings: {},
      finishedAt: expect.any(Date),
    });
  });
});
