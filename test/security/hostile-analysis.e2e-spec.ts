import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { hostileLines, longXrdPattern, placeHostile } from '../../libs/instruments/src/hostile';
import { newAlloy } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { uniquePrefix } from '../setup/test-db';
import { TestApi } from '../setup/test-api';
import { WorkerProcess } from '../setup/test-worker';

/**
 * A file that takes too long cannot freeze a worker (issue 12, finding 5): the real worker
 * process, with ANALYSIS_TIMEOUT_S=1, fails it with the reason and goes on analysing the others.
 */
describe('a hostile upload and the worker', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let member: string;
  let pieceId: string;
  const items = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items;

  beforeAll(async () => {
    const prefix = uniquePrefix('hostile');
    api = await TestApi.start({ QUEUE_PREFIX: prefix, UPLOAD_LIMIT_BYTES: String(4 << 20) });
    worker = await WorkerProcess.start({ DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix, ANALYSIS_TIMEOUT_S: '1', WORKER_CONCURRENCY: '1' });
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    member = (await newUser(api, admin, 'MEMBER')).token;
    const alloy = await newAlloy(api, pi.token, { densityGCm3: 5.9 });
    const ingot = await api.request('POST', '/api/samples/ingots', { token: member, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    const ribbon = await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: member, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    const pieces = await api.request('POST', `/api/samples/${ribbon.body.id}/pieces`, {
      token: member,
      body: { count: 1, lengthMm: 4, massMg: items[0].massMg },
    });
    pieceId = pieces.body[0].id;
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('fails a too-slow file with the time limit as its reason, once, and analyses the uploads queued behind it', async () => {
    // 100,000 points: seconds of halo fitting, far past the 1 s limit; one thread, so the others wait behind it.
    const xrd = await newMeasurement(api, member, pieceId, 'XRD', { wavelengthA: 1.5406 });
    const slow = await upload(api, member, xrd.id, 'long-pattern.xy', longXrdPattern(100_000));
    expect(slow.status).toBe(202);
    // A MultiVu file with a 1 MB line of brackets and spaces before its data: the pattern that froze workers before.
    const bracketsLine = hostileLines(1 << 20).find((h) => h.label === 'brackets and spaces')!.text;
    const hostile = await upload(
      api,
      member,
      (await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' })).id,
      'brackets.dat',
      placeHostile(items[1].zfc.text, bracketsLine, 'second'),
    );
    expect(hostile.status).toBe(202);
    const good: string[] = [];
    for (const item of items.slice(0, 3)) {
      const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC', fieldOe: item.zfc.fieldOe, demagN: 0, massMg: item.massMg });
      const up = await upload(api, member, m.id, item.zfc.fileName, item.zfc.text);
      expect(up.status).toBe(202);
      good.push(...up.body.analysisRunIds);
    }
    const runs = await waitForRuns(api, member, [...slow.body.analysisRunIds, ...hostile.body.analysisRunIds, ...good], 120_000);
    expect(runs[slow.body.analysisRunIds[0]]).toMatchObject({ status: 'FAILED', error: 'the analysis took longer than 1 s and was stopped', attempts: 1 });
    expect(runs[hostile.body.analysisRunIds[0]]).toMatchObject({ status: expect.stringMatching(/^(SUCCEEDED|FAILED)$/), attempts: 1 });
    expect(runs[hostile.body.analysisRunIds[0]].error ?? '').not.toMatch(/took longer/);
    expect(good.map((id) => runs[id].status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    // The worker lived through it: no crash, no lost lock.
    expect(worker.log).not.toMatch(/could not renew lock|Missing lock|stalled/i);
  }, 150_000);
});
