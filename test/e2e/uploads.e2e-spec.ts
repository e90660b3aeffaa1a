import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { Client } from 'pg';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

/** Upload → queue → worker process → result, on the real PostgreSQL and Redis. */
describe('uploads and analyses', () => {
  let lab: TestLab;
  let api: TestApi;
  let member: string;
  let admin: string;
  let pieceId: string;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    lab = await startTestLab('up', { env: { UPLOAD_LIMIT_BYTES: '600000' }, worker: {} });
    ({ api, adminToken: admin } = lab);
    member = lab.member.token;
    pieceId = (await newLineage(api, member, lab.alloy.id, 1, { massMg: item.massMg })).pieces[0].id;
  });
  afterAll(() => lab?.close());

  it('analyses an uploaded ZFC file with the database mass and density, pairing its FC partner', async () => {
    const fc = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'FC', fieldOe: item.fc.fieldOe });
    const fcUp = await upload(api, member, fc.id, item.fc.fileName, item.fc.text);
    expect(fcUp.status).toBe(202);
    await waitForRuns(api, member, fcUp.body.analysisRunIds);
    const zfc = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC', fieldOe: item.zfc.fieldOe, demagN: 0 });
    const up = await upload(api, member, zfc.id, item.zfc.fileName, item.zfc.text);
    expect(up.status).toBe(202);
    expect(up.body).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), analysisRunIds: [expect.any(String)], duplicate: false });
    const [run] = Object.values(await waitForRuns(api, member, up.body.analysisRunIds));
    expect(run).toMatchObject({ status: 'SUCCEEDED', analyzer: 'magnetic', analyzerVersion: '1.3.0', attempts: 1 });
    expect(Math.abs(run.metrics.tcMidK - item.zfc.truth.tcMidK!)).toBeLessThan(0.01);
    expect(Math.abs(run.metrics.chiMass1p8K / item.zfc.truth.chiMass1p8K - 1)).toBeLessThan(0.01);
    expect(Math.abs(run.metrics.shieldingFraction1p8K - item.zfc.truth.shieldingFraction1p8K)).toBeLessThan(0.01);
    expect(Math.abs(run.metrics.fcZfcRatio - item.zfc.truth.fcZfcRatio)).toBeLessThan(0.02);
    expect(run.timings).toMatchObject({ analysisMs: expect.any(Number), totalMs: expect.any(Number) });

    const m = await api.request('GET', `/api/measurements/${zfc.id}`, { token: member });
    expect(m.body.files[0]).toMatchObject({ fileName: item.zfc.fileName, sha256: up.body.sha256, latestAnalysis: { id: run.id, status: 'SUCCEEDED' } });
    const raw = await api.app.inject({ method: 'GET', url: `/api/files/${up.body.fileId}/raw`, headers: { authorization: `Bearer ${member}` } });
    expect(raw.statusCode).toBe(200);
    expect(raw.body).toBe(item.zfc.text);

    const history = await api.request('GET', `/api/samples/${pieceId}/history`, { token: member });
    const kinds = history.body.events.map(
      (e: { type: string; kind?: string; technique?: string; status?: string }) => e.kind ?? e.technique ?? `${e.type}:${e.status}`,
    );
    expect(kinds.slice(0, 3)).toEqual(['ARC_MELT', 'MELT_SPIN', 'CUT']);
    expect(kinds.filter((k: string) => k === 'MAGNETIC')).toHaveLength(2);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'ANALYSIS').map((e: { id: string }) => e.id)).toContain(run.id);
    // The timeline (flat rows grouped in JS) and the run and measurement routes give the same
    // instants; the suite runs in UTC+14 (jest.config.js), where a time read as local would be 14 h off.
    const at = (id: string) => history.body.events.find((e: { id: string }) => e.id === id).at;
    expect(at(run.id)).toBe(run.finishedAt);
    expect(at(zfc.id)).toBe(m.body.performedAt);
  });

  it('the same file twice on one measurement creates no second run; on another measurement it is stored once', async () => {
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const first = await upload(api, member, m.id, 'a.dat', item.zfc.text);
    const again = await upload(api, member, m.id, 'a-again.dat', item.zfc.text);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ fileId: first.body.fileId, analysisRunIds: first.body.analysisRunIds, duplicate: true });
    const detail = await api.request('GET', `/api/measurements/${m.id}`, { token: member });
    expect(detail.body.files).toHaveLength(1);
    expect(detail.body.files[0].analyses).toHaveLength(1);
  });

  it('a malformed file fails at once with the parser reason; good files beside it succeed', async () => {
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const bad = await upload(api, member, m.id, 'broken.dat', '[Header]\nTITLE,broken\n');
    const [run] = Object.values(await waitForRuns(api, member, bad.body.analysisRunIds));
    expect(run.status).toBe('FAILED');
    expect(run.attempts).toBe(1);
    expect(run.error).toMatch(/\[Data\]/);
    expect(run.errorCode).toBe('MISSING_SECTION');
  });

  it('keeps non-UTF-8 bytes exact: stored brotli-compressed, returned byte for byte, analysed by the worker', async () => {
    // The TA Universal Analysis export writes ° as the DOS byte 0xF8: any text round trip would change it.
    const bytes = readFileSync(`${__dirname}/../fixtures/real/dsc/pkynetics_TA-2920-MDSC_UniversalAnalysis_eicosane_latin1.txt`);
    expect(bytes.includes(0xf8)).toBe(true);
    const m = await newMeasurement(api, member, pieceId, 'DSC', {});
    const up = await upload(api, member, m.id, 'eicosane.txt', bytes);
    expect(up.status).toBe(202);
    const raw = await api.app.inject({ method: 'GET', url: `/api/files/${up.body.fileId}/raw`, headers: { authorization: `Bearer ${member}` } });
    expect(Buffer.compare(raw.rawPayload, bytes)).toBe(0);
    expect(raw.headers).toMatchObject({
      etag: `"${up.body.sha256}"`,
      'content-disposition': 'attachment; filename="eicosane.txt"; filename*=UTF-8\'\'eicosane.txt',
    });
    expect(raw.headers['content-encoding']).toBeUndefined();
    // A client that takes brotli gets the stored bytes as they are: a third of the size, the same file once decoded.
    const br = await api.app.inject({
      method: 'GET',
      url: `/api/files/${up.body.fileId}/raw`,
      headers: { authorization: `Bearer ${member}`, 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', etag: `"${up.body.sha256}.br"`, vary: 'accept-encoding' });
    expect(br.rawPayload.length / bytes.length).toBeLessThan(0.4);
    expect(Buffer.compare(brotliDecompressSync(br.rawPayload), bytes)).toBe(0);
    const cached = await api.app.inject({
      method: 'GET',
      url: `/api/files/${up.body.fileId}/raw`,
      headers: { authorization: `Bearer ${member}`, 'if-none-match': raw.headers.etag as string },
    });
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
    const [run] = Object.values(await waitForRuns(api, member, up.body.analysisRunIds));
    expect(run).toMatchObject({ status: 'SUCCEEDED', analyzer: 'dsc' });
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        'SELECT encoding, "sizeBytes", octet_length(content) AS n, pg_column_compression(content) AS method FROM data_files WHERE id = $1',
        [up.body.fileId],
      );
      expect(rows[0]).toMatchObject({ encoding: 'br', sizeBytes: bytes.length, method: null });
      expect(rows[0].n / bytes.length).toBeLessThan(0.4);

      // A file stored before the API compressed (encoding identity) is served and analysed the same:
      // the same bytes on a second measurement reuse that row and queue a run that reads it.
      await db.query(`UPDATE data_files SET encoding = 'identity', content = $2 WHERE id = $1`, [up.body.fileId, bytes]);
      const legacyRaw = await api.app.inject({ method: 'GET', url: `/api/files/${up.body.fileId}/raw`, headers: { authorization: `Bearer ${member}` } });
      expect(Buffer.compare(legacyRaw.rawPayload, bytes)).toBe(0);
      const again = await upload(api, member, (await newMeasurement(api, member, pieceId, 'DSC', {})).id, 'eicosane.txt', bytes);
      expect(again.body.fileId).toBe(up.body.fileId);
      const [legacyRun] = Object.values(await waitForRuns(api, member, again.body.analysisRunIds));
      expect(legacyRun).toMatchObject({ status: 'SUCCEEDED', metrics: run.metrics });
    } finally {
      await db.end();
    }
  });

  it('refuses uploads without a token, without a file, above the size limit, and to unknown measurements', async () => {
    const m = await newMeasurement(api, member, pieceId, 'XRD', { wavelengthA: 1.5406 });
    expect((await upload(api, undefined, m.id, 'x.xy', '1 2\n')).status).toBe(401);
    const big = await upload(api, member, m.id, 'big.xy', 'x'.repeat(700_000));
    expect(big.status).toBe(413);
    expect(big.body.field).toBe('file');
    const none = await api.request('POST', `/api/measurements/${m.id}/files`, { token: member, body: { file: 'not multipart' } });
    expect(none.status).toBe(400);
    expect(none.body.field).toBe('file');
    const unknown = await upload(api, member, '00000000-0000-4000-8000-000000000000', 'x.xy', '1 2\n');
    expect(unknown.status).toBe(404);
    const detail = await api.request('GET', `/api/measurements/${m.id}`, { token: member });
    expect(detail.body.files).toEqual([]);
    expect((await api.request('GET', '/api/files/00000000-0000-4000-8000-000000000000/raw', { token: member })).status).toBe(404);
    expect((await api.request('GET', '/api/files/not-a-uuid/raw', { token: member })).status).toBe(400);
  });

  it('validates measurements: technique, conditions, unknown sample', async () => {
    const bad = await api.request('POST', '/api/measurements', {
      token: member,
      body: { sampleId: pieceId, technique: 'NMR', instrument: 'x', conditions: { mode: 'HOT' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['conditions.mode', 'technique']);
    const unknown = await api.request('POST', '/api/measurements', {
      token: member,
      body: { sampleId: '00000000-0000-4000-8000-000000000000', technique: 'XRD', instrument: 'x', conditions: {} },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('sampleId');
  });

  it('streams run status changes as server-sent events', async () => {
    await api.app.listen(0, '127.0.0.1');
    const url = `${await api.app.getUrl()}/api/events`.replace('[::1]', '127.0.0.1');
    const abort = new AbortController();
    // The browser's EventSource sends the session cookie (no token in the URL).
    const res = await fetch(url, { signal: abort.signal, headers: { cookie: `vitrack_session=${member}` } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const up = await upload(api, member, m.id, 'sse.dat', item.zfc.text.replace('[Header]', '[Header]\n; sse'));
    const runId = up.body.analysisRunIds[0];
    let text = '';
    const deadline = Date.now() + 90_000;
    while (!text.includes(`"runId":"${runId}","status":"SUCCEEDED"`) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    expect(text).toContain(`"runId":"${runId}","status":"RUNNING"`);
    expect(text).toContain(`"runId":"${runId}","status":"SUCCEEDED"`);
    expect((await fetch(url, { headers: { cookie: 'vitrack_session=bad' } })).status).toBe(401);
    expect((await fetch(`${url}?access_token=${member}`)).status).toBe(401);
  });

  it('the queue dashboard is for ADMINs only; /metrics shows queue depth and durations', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/admin/queues' })).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: `Bearer ${member}` } })).statusCode).toBe(403);
    const ok = await api.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: `Bearer ${admin}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('<html');
    const metrics = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/vitrack_queue_jobs\{state="waiting"\} \d+/);
    expect(metrics.body).toMatch(/vitrack_analysis_duration_seconds_count\{analyzer="magnetic",status="SUCCEEDED"\} [1-9]/);
  });
});
