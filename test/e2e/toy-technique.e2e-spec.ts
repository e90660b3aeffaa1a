import { newAlloy, anneal, newLineage } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';
import { uniquePrefix } from '../setup/test-db';
import { WorkerProcess } from '../setup/test-worker';
import { TOY_REGISTRY_SOURCE } from '../toy-technique/toy-registry';
import { writeToyFile } from '../toy-technique/toy.technique';

/**
 * "Adding a technique = one folder + one registry line": the toy technique (test/toy-technique/:
 * a descriptor and TECHNIQUE_REGISTRY.with(TOY)) given to the real API and the real worker process,
 * and nothing else. Every reader must see it: the technique list, the upload matcher's detection,
 * the measurement and campaign validators, the worker's analysis thread, and the campaign report.
 */
describe('a toy technique added through the registry alone', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let tokens: { member: string; pi: string };
  let pieces: { id: string; code: string }[];
  let alloyId: string;
  let campaignId: string;
  const peaks = [532.25, 540.5];

  beforeAll(async () => {
    const prefix = uniquePrefix('toy');
    api = await TestApi.start({ QUEUE_PREFIX: prefix }, { techniques: TOY_REGISTRY_SOURCE });
    worker = await WorkerProcess.start(
      { DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '1' },
      30_000,
      'test/toy-technique/toy-worker.ts',
    );
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    tokens = { member: (await newUser(api, admin, 'MEMBER')).token, pi: pi.token };
    alloyId = (await newAlloy(api, pi.token)).id;
    pieces = (await newLineage(api, tokens.member, alloyId, 2)).pieces;
    const t = await api.request('POST', `/api/samples/${pieces[1].id}/treatments`, { token: tokens.member, body: anneal(453, 5) });
    expect(t.status).toBe(201);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('is listed by GET /api/techniques with its metrics, units and labels', async () => {
    const res = await api.request('GET', '/api/techniques', { token: tokens.member });
    expect(res.body.map((t: { id: string }) => t.id)).toEqual(['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC', 'TOY']);
    const toy = res.body.find((t: { id: string }) => t.id === 'TOY');
    expect(toy).toMatchObject({ label: 'toy spectroscopy', modes: [] });
    expect(toy.metrics.find((m: { key: string }) => m.key === 'peakNm')).toMatchObject({ label: 'line position', unit: 'nm' });
  });

  it('detects its files from their bytes (bulk-upload matching)', async () => {
    const head = Buffer.from(writeToyFile({ peakNm: 500, areaCountsNm: 10 })).toString('base64');
    const res = await api.request('POST', '/api/uploads/match', { token: tokens.member, body: { files: [{ fileName: 'spectrum.txt', headBase64: head }] } });
    expect(res.status).toBe(200);
    expect(res.body.proposals[0].technique).toBe('TOY');
  });

  it('is accepted as a measurement and campaign technique; an unregistered one is a 400 naming the field and the registry', async () => {
    const bad = await api.request('POST', '/api/measurements', {
      token: tokens.member,
      body: { sampleId: pieces[0].id, technique: 'NMR', instrument: 'x', conditions: {} },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('technique');
    expect(bad.body.message).toContain('MAGNETIC, RESISTANCE, XRD, SAXS, DSC, TOY');
    const campaign = {
      name: 'toy-anneal',
      alloyId,
      hypothesis: 'the toy line moves with annealing',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 5] },
    };
    const badCampaign = await api.request('POST', '/api/campaigns', { token: tokens.pi, body: { ...campaign, plannedTechniques: ['TOY', 'NMR'] } });
    expect(badCampaign.status).toBe(400);
    expect(badCampaign.body.field).toBe('plannedTechniques');
    const created = await api.request('POST', '/api/campaigns', { token: tokens.pi, body: { ...campaign, plannedTechniques: ['TOY'] } });
    expect(created.status).toBe(201);
    expect(created.body.plannedTechniques).toEqual(['TOY']);
    campaignId = created.body.id;
  });

  it('is analysed by the worker and reported per level with its report metric', async () => {
    const runIds: string[] = [];
    for (const [i, piece] of pieces.entries()) {
      const a = await api.request('POST', `/api/campaigns/${campaignId}/assignments`, { token: tokens.pi, body: { sampleId: piece.id, level: [0, 5][i] } });
      expect(a.status).toBe(201);
      const m = await newMeasurement(api, tokens.member, piece.id, 'TOY');
      const up = await upload(api, tokens.member, m.id, `${piece.code}.toy.txt`, writeToyFile({ peakNm: peaks[i], areaCountsNm: 50 }));
      expect(up.status).toBe(202);
      runIds.push(...up.body.analysisRunIds);
    }
    const done = await waitForRuns(api, tokens.member, runIds, 60_000);
    for (const [i, id] of runIds.entries()) {
      expect(done[id]).toMatchObject({
        status: 'SUCCEEDED',
        analyzer: 'toy',
        analyzerVersion: '0.1.0',
        metrics: { peakNm: peaks[i], resolved: true, format: 'toy-v1' },
      });
    }

    const report = await api.request('GET', `/api/campaigns/${campaignId}/report`, { token: tokens.member });
    expect(report.status).toBe(200);
    const toy = report.body.metrics.toyPeakNm;
    expect(toy).toMatchObject({ label: 'Toy line position', unit: 'nm' });
    expect(toy.levels.map((l: { level: number; mean: number; n: number }) => [l.level, l.mean, l.n])).toEqual([
      [0, peaks[0], 1],
      [5, peaks[1], 1],
    ]);
    expect(report.body.pieces.map((p: { values: Record<string, number | null> }) => p.values.toyPeakNm)).toEqual(peaks);
    expect(report.body.gaps).toEqual([]);
    const csv = await api.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/report.csv`, headers: { authorization: `Bearer ${tokens.member}` } });
    const [head, ...rows] = csv.body.trim().split(/\r?\n/);
    const column = head.split(',').indexOf('toyPeakNm');
    expect(column).toBeGreaterThan(0);
    expect(rows.map((r) => Number(r.split(',')[column]))).toEqual(peaks);
    // The HTML page is built from the same registry: the toy's row is in its per-level table.
    const html = await api.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/report.html`,
      headers: { authorization: `Bearer ${tokens.member}` },
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<tr data-metric="toyPeakNm">');
  });
});
