import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { hostileLines, placeHostile } from '../../libs/instruments/src/hostile';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement, upload, uploadZfcFiles, waitForRuns } from '../factories/upload.factory';
import { startTestLab, type TestLabWithWorker } from '../setup/test-lab';
import { RUNAWAY_REGISTRY_SOURCE } from '../toy-technique/runaway-registry';
import { stuckFile } from '../toy-technique/runaway.techniques';

/**
 * A file that takes too long cannot freeze a worker (issue 12, finding 5): the real worker
 * process, with ANALYSIS_TIMEOUT_S=1, fails it with the reason and goes on analysing the others.
 * The too-slow file is the STUCK toy technique's (test/toy-technique/runaway.techniques.ts), whose
 * analysis never ends, so the spec holds however fast the real analyzers become.
 */
describe('a hostile upload and the worker', () => {
  let lab: TestLabWithWorker;
  let member: string;
  let pieceId: string;
  const items = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items;

  beforeAll(async () => {
    lab = await startTestLab('hostile', {
      env: { UPLOAD_LIMIT_BYTES: String(4 << 20) },
      app: { techniques: RUNAWAY_REGISTRY_SOURCE },
      worker: { ANALYSIS_TIMEOUT_S: '1', WORKER_CONCURRENCY: '1' },
      workerEntry: 'test/toy-technique/runaway-worker.ts',
    });
    member = lab.member.token;
    pieceId = (await newLineage(lab.api, member, lab.alloy.id, 1, { massMg: items[0].massMg })).pieces[0].id;
  }, 60_000);
  afterAll(() => lab?.close());

  it('fails a too-slow file with the time limit as its reason, once, and analyses the uploads queued behind it', async () => {
    const { api, worker } = lab;
    // An analysis that never ends; one thread, so the others wait behind it.
    const stuck = await newMeasurement(api, member, pieceId, 'STUCK');
    const slow = await upload(api, member, stuck.id, 'stuck.txt', stuckFile());
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
    const good = await uploadZfcFiles(api, member, pieceId, items.slice(0, 3));
    const runs = await waitForRuns(api, member, [...slow.body.analysisRunIds, ...hostile.body.analysisRunIds, ...good], 120_000);
    expect(runs[slow.body.analysisRunIds[0]]).toMatchObject({ status: 'FAILED', error: 'the analysis took longer than 1 s and was stopped', attempts: 1 });
    expect(runs[hostile.body.analysisRunIds[0]]).toMatchObject({ status: expect.stringMatching(/^(SUCCEEDED|FAILED)$/), attempts: 1 });
    expect(runs[hostile.body.analysisRunIds[0]].error ?? '').not.toMatch(/took longer/);
    expect(good.map((id) => runs[id].status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    // The worker lived through it: no crash, no lost lock.
    expect(worker.log).not.toMatch(/could not renew lock|Missing lock|stalled/i);
  }, 150_000);
});
