import { Client } from 'pg';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

/** Issue 11 item 6: the same file on a second sample is named in the 202; a transiently failed analysis can be retried, a rejected file cannot. */
describe('measurements: alsoLinkedTo and analysis retry', () => {
  let lab: TestLab;
  let api: TestApi;
  let db: Client;
  let member: { id: string; token: string };
  let otherMember: { id: string; token: string };
  let pi: { id: string; token: string };
  let pieces: { id: string; code: string }[];
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    lab = await startTestLab('retry', { worker: {} });
    ({ api, pi, member } = lab);
    otherMember = await newUser(api, lab.adminToken, 'MEMBER');
    pieces = (await newLineage(api, member.token, lab.alloy.id, 3)).pieces;
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await lab?.close();
  });

  it('the same bytes on a second sample say so in the 202 (alsoLinkedTo), not on the first upload nor on the same sample', async () => {
    const bytes = `${item.fc.text}\n`;
    const first = await newMeasurement(api, member.token, pieces[0].id, 'MAGNETIC', { mode: 'FC', fieldOe: item.fc.fieldOe });
    const up1 = await upload(api, member.token, first.id, 'fc.dat', bytes);
    expect(up1.status).toBe(202);
    expect(up1.body.alsoLinkedTo).toEqual([]);
    const sameSample = await newMeasurement(api, member.token, pieces[0].id, 'MAGNETIC', { mode: 'FC', fieldOe: item.fc.fieldOe });
    expect((await upload(api, member.token, sameSample.id, 'fc.dat', bytes)).body.alsoLinkedTo).toEqual([]);
    const second = await newMeasurement(api, member.token, pieces[1].id, 'MAGNETIC', { mode: 'FC', fieldOe: item.fc.fieldOe });
    const up2 = await upload(api, member.token, second.id, 'fc-again.dat', bytes);
    expect(up2.status).toBe(202);
    expect(up2.body.sha256).toBe(up1.body.sha256);
    expect(up2.body.alsoLinkedTo).toEqual([
      { measurementId: first.id, sampleCode: pieces[0].code },
      { measurementId: sameSample.id, sampleCode: pieces[0].code },
    ]);
    await waitForRuns(api, member.token, [...up1.body.analysisRunIds, ...up2.body.analysisRunIds]);
  });

  it('a run that failed transiently is retried as a new attempt of the same version, by its uploader or a PI, and succeeds', async () => {
    const m = await newMeasurement(api, member.token, pieces[2].id, 'MAGNETIC', { mode: 'FC', fieldOe: item.fc.fieldOe });
    const up = await upload(api, member.token, m.id, item.fc.fileName, item.fc.text);
    const [runId] = up.body.analysisRunIds;
    const [done] = Object.values(await waitForRuns(api, member.token, [runId]));
    expect(done.status).toBe('SUCCEEDED');
    expect(done.failureKind).toBeNull();

    // Only FAILED runs can be retried.
    const notFailed = await api.request('POST', `/api/analyses/${runId}/retry`, { token: member.token });
    expect(notFailed.status).toBe(409);
    expect(notFailed.body).toMatchObject({ field: 'id', message: 'only a FAILED run can be retried; this one is SUCCEEDED' });

    // What the worker records when BullMQ gives up on a job (see AnalysisRunner.giveUp).
    await db.query(
      `UPDATE analysis_runs SET status = 'FAILED', "errorCode" = 'TRANSIENT_FAILURE', "failureKind" = 'TRANSIENT', error = 'gave up after 3 attempt(s): connection terminated' WHERE id = $1`,
      [runId],
    );
    const forbidden = await api.request('POST', `/api/analyses/${runId}/retry`, { token: otherMember.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('only the uploader of the file, a PI or an ADMIN');

    const retried = await api.request('POST', `/api/analyses/${runId}/retry`, { token: member.token });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ retryOf: runId, retry: 1, analysisRunId: expect.any(String) });
    expect(retried.body.analysisRunId).not.toBe(runId);
    const [again] = Object.values(await waitForRuns(api, member.token, [retried.body.analysisRunId]));
    expect(again).toMatchObject({ status: 'SUCCEEDED', analyzer: 'magnetic', analyzerVersion: done.analyzerVersion, retry: 1, retryOfId: runId, attempts: 1 });
    expect(again.metrics.tcOnsetK).toBeCloseTo(done.metrics.tcOnsetK, 9);
    // The measurement shows the newest attempt; the failed one stays in its list.
    const detail = await api.request('GET', `/api/measurements/${m.id}`, { token: member.token });
    expect(detail.body.files[0].latestAnalysis.id).toBe(again.id);
    expect(detail.body.files[0].analyses.map((a: { id: string }) => a.id)).toEqual([again.id, runId]);

    // One retry per run: a second retry of the same run points at the first.
    const twice = await api.request('POST', `/api/analyses/${runId}/retry`, { token: pi.token });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain(again.id);

    // A PI may retry anyone's run; an analysis time limit counts as transient.
    await db.query(`UPDATE analysis_runs SET status = 'FAILED', "errorCode" = 'ANALYSIS_TIMEOUT', "failureKind" = 'TRANSIENT' WHERE id = $1`, [again.id]);
    const byPi = await api.request('POST', `/api/analyses/${again.id}/retry`, { token: pi.token });
    expect(byPi.status).toBe(202);
    expect(byPi.body.retry).toBe(2);
    await waitForRuns(api, member.token, [byPi.body.analysisRunId]);
    const audit = await api.request('GET', `/api/audit?entityId=${again.id}`, { token: pi.token });
    expect(JSON.stringify(audit.body)).toContain('analysis.retry');
  });

  it('a run whose file the analyzer rejected is refused with 409 naming why', async () => {
    const m = await newMeasurement(api, member.token, pieces[2].id, 'MAGNETIC', { mode: 'ZFC', fieldOe: 20 });
    const up = await upload(api, member.token, m.id, 'garbage.dat', 'this is not an instrument file\n1,2,3\n');
    const [failed] = Object.values(await waitForRuns(api, member.token, up.body.analysisRunIds));
    expect(failed.status).toBe('FAILED');
    expect(failed.failureKind).toBe('FILE');
    const res = await api.request('POST', `/api/analyses/${failed.id}/retry`, { token: pi.token });
    expect(res.status).toBe(409);
    expect(res.body.field).toBe('id');
    expect(res.body.message).toContain('the analyzer rejected the file');
    expect(res.body.message).toContain(failed.errorCode);
    expect((await api.request('POST', '/api/analyses/00000000-0000-4000-8000-000000000000/retry', { token: pi.token })).status).toBe(404);
  });
});
