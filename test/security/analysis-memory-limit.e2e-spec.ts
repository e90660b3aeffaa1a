import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement, upload, uploadZfcFiles, waitForRuns } from '../factories/upload.factory';
import { startTestLab, type TestLabWithWorker } from '../setup/test-lab';
import { RUNAWAY_REGISTRY_SOURCE } from '../toy-technique/runaway-registry';
import { greedyFile } from '../toy-technique/runaway.techniques';

/**
 * Issue 12, finding 9: a file that needs more memory than ANALYSIS_MAX_MEMORY_MB cannot take the
 * worker down. The real worker process, with a 64 MB bound per analysis, fails it with the bound
 * as its reason and goes on analysing the files queued behind it, in a fresh thread. The file is
 * the GREEDY toy technique's (test/toy-technique/runaway.techniques.ts), whose analysis allocates
 * without bound, so the spec holds however lean the real analyzers become.
 */
describe('an analysis past its memory bound and the worker', () => {
  let lab: TestLabWithWorker;
  let member: string;
  let pieceId: string;
  const items = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items;

  beforeAll(async () => {
    lab = await startTestLab('memory', {
      app: { techniques: RUNAWAY_REGISTRY_SOURCE },
      workerEntry: 'test/toy-technique/runaway-worker.ts',
      worker: {
        ANALYSIS_MAX_MEMORY_MB: '64',
        // Only stops a regression early: the bound, not the clock, must stop the greedy analysis.
        ANALYSIS_TIMEOUT_S: '60',
        WORKER_CONCURRENCY: '1',
      },
    });
    member = lab.member.token;
    pieceId = (await newLineage(lab.api, member, lab.alloy.id, 1)).pieces[0].id;
  }, 60_000);
  afterAll(() => lab?.close());

  it('fails the file with the bound as its reason, once, and analyses the uploads queued behind it', async () => {
    const { api, worker } = lab;
    const greedy = await newMeasurement(api, member, pieceId, 'GREEDY');
    const big = await upload(api, member, greedy.id, 'greedy.txt', greedyFile());
    expect(big.status).toBe(202);
    const good = await uploadZfcFiles(api, member, pieceId, items.slice(0, 3));
    const runs = await waitForRuns(api, member, [...big.body.analysisRunIds, ...good], 150_000);
    expect(runs[big.body.analysisRunIds[0]]).toMatchObject({ status: 'FAILED', error: 'the analysis needed more than 64 MB and was stopped', attempts: 1 });
    expect(good.map((id) => runs[id].status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    // The worker lived through it: no crash, no lost lock.
    expect(worker.log).not.toMatch(/could not renew lock|Missing lock|stalled|FATAL ERROR/i);
  }, 200_000);
});
