import { randomUUID } from 'node:crypto';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { simulatePpms } from '../../libs/instruments/src/ppms';
import { logCampaignItem } from '../factories/campaign.factory';
import { anneal, newAlloy } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';
import { uniquePrefix } from '../setup/test-db';
import { WorkerProcess } from '../setup/test-worker';

const ANNEAL_FACTOR = { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 0.5, 1, 5, 8, 10] };

/** The paper's anneal campaign end to end: 6 levels × 2 pieces × ZFC+FC, API and worker as separate processes. */
describe('anneal campaign: upload to report', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let tokens: { member: string; pi: string };
  let campaignId: string;
  let ribbonId: string;
  let alloyId: string;
  const pieces: { id: string; code: string; level: number }[] = [];
  const campaign = magneticCampaign('ANNEAL_453K');

  beforeAll(async () => {
    const prefix = uniquePrefix('camp');
    api = await TestApi.start({ QUEUE_PREFIX: prefix });
    worker = await WorkerProcess.start({ DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '2' });
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    tokens = { member: (await newUser(api, admin, 'MEMBER')).token, pi: pi.token };
    const alloy = await newAlloy(api, pi.token, { densityGCm3: 5.9 });
    alloyId = alloy.id;
    const ingot = await api.request('POST', '/api/samples/ingots', { token: tokens.member, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    ribbonId = (await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: tokens.member, body: { wheelSpeedMs: 40, thicknessUm: 25 } })).body
      .id;
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('only a PI designs campaigns; the factor is validated', async () => {
    const body = {
      name: 'anneal-453',
      alloyId,
      hypothesis: 'Annealing shrinks the Meissner fraction',
      factor: ANNEAL_FACTOR,
      plannedTechniques: ['MAGNETIC', 'XRD'],
    };
    expect((await api.request('POST', '/api/campaigns', { token: tokens.member, body })).status).toBe(403);
    const bad = await api.request('POST', '/api/campaigns', {
      token: tokens.pi,
      body: { ...body, factor: { kind: 'CRYO_CYCLES', lowK: 293, highK: 77, levels: [0, 27] } },
    });
    expect(bad.body.field).toBe('factor.lowK');
    const noTarget = await api.request('POST', '/api/campaigns', { token: tokens.pi, body: { ...body, factor: { kind: 'ANNEAL_HOLD_MIN', levels: [0, 1] } } });
    expect(noTarget.body.field).toBe('factor.targetK');
    const created = await api.request('POST', '/api/campaigns', { token: tokens.pi, body });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
  });

  it('an assignment must match the piece history, or says how it differs', async () => {
    const cut = await api.request('POST', `/api/samples/${ribbonId}/pieces`, { token: tokens.member, body: { count: 1, lengthMm: 4, massMg: 1 } });
    await api.request('POST', `/api/samples/${cut.body[0].id}/treatments`, { token: tokens.member, body: anneal(453, 0.5) });
    const res = await api.request('POST', `/api/campaigns/${campaignId}/assignments`, { token: tokens.pi, body: { sampleId: cut.body[0].id, level: 5 } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'ASSIGNMENT_MISMATCH', field: 'level' });
    expect(res.body.message).toContain('it has 0.5 min at 453 K; level 5 needs 5 min');
    expect(
      (await api.request('POST', `/api/campaigns/${campaignId}/assignments`, { token: tokens.pi, body: { sampleId: cut.body[0].id, level: 3 } })).body.field,
    ).toBe('level');
  });

  it('uploads every file, analyses them all, and reports τ and the 1-min shielding drop of the truth', async () => {
    const runIds: string[] = [];
    for (const item of campaign.items) {
      const logged = await logCampaignItem(api, tokens, ribbonId, campaignId, item);
      pieces.push({ ...logged.piece, level: item.level });
      runIds.push(...logged.runIds);
    }
    expect(runIds).toHaveLength(24);
    const done = await waitForRuns(api, tokens.member, runIds, 120_000);
    expect(Object.values(done).filter((r) => r.status === 'SUCCEEDED')).toHaveLength(24);

    const progress = await api.request('GET', `/api/campaigns/${campaignId}/progress`, { token: tokens.member });
    const magnetic = progress.body.cells.filter((c: { technique: string }) => c.technique === 'MAGNETIC');
    expect(magnetic.map((c: { planned: number; uploaded: number; analysed: number; failed: number }) => [c.planned, c.uploaded, c.analysed, c.failed])).toEqual(
      ANNEAL_FACTOR.levels.map(() => [2, 2, 2, 0]),
    );

    const report = await api.request('GET', `/api/campaigns/${campaignId}/report`, { token: tokens.member });
    expect(report.status).toBe(200);
    const fit = report.body.fits.chiExponential;
    const tauTrue = campaign.generating.tauMin!;
    expect(Math.abs(fit.tauMin / tauTrue - 1)).toBeLessThan(0.1);
    expect(fit.r2).toBeGreaterThan(0.95);
    const chiLevels = report.body.metrics.chiAbs1p8KEmuPerGOe.levels;
    const at1 = chiLevels.find((l: { level: number }) => l.level === 1);
    const trueDrop = (1 - campaign.generating.shieldingScaleByLevel[campaign.levels.indexOf(1)]) * 100;
    expect(Math.abs(-at1.changePct - trueDrop)).toBeLessThan(2);
    expect(Math.abs(-at1.changePct - 38)).toBeLessThan(3);
    const fcZfc = report.body.metrics.fcZfcRatio.levels[0];
    expect(Math.abs(fcZfc.mean - 0.25)).toBeLessThan(0.02);
    expect(report.body.gaps.filter((g: { technique: string }) => g.technique === 'XRD')).toHaveLength(6);

    const csv = await api.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/report.csv`, headers: { authorization: `Bearer ${tokens.member}` } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toHaveLength(13);
    const svg = await api.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/report.svg`, headers: { authorization: `Bearer ${tokens.member}` } });
    expect(svg.body).toMatch(/^<svg/);
    const html = await api.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/report.html`,
      headers: { authorization: `Bearer ${tokens.member}` },
    });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('id="fit-tau"');
  }, 180_000);

  it('places a piece’s resistive Tc in its χ distribution once it has a resistance run (sample route and report)', async () => {
    const piece = pieces.find((p) => p.level === 0)!;
    const before = await api.request('GET', `/api/samples/${piece.id}/cross-technique`, { token: tokens.member });
    expect(before.status).toBe(200);
    expect(before.body.missing).toEqual(['no successful resistance analysis of this piece']);
    expect(before.body.combined.zfc).toMatchObject({ analyzer: 'magnetic' });

    const ppms = simulatePpms({ seed: 5 });
    const m = await newMeasurement(api, tokens.member, piece.id, 'RESISTANCE');
    const up = await upload(api, tokens.member, m.id, ppms.fileName, ppms.text);
    expect(up.status).toBe(202);
    const done = await waitForRuns(api, tokens.member, up.body.analysisRunIds, 60_000);
    expect(Object.values(done).map((r) => r.status)).toEqual(['SUCCEEDED']);

    const after = await api.request('GET', `/api/samples/${piece.id}/cross-technique`, { token: tokens.member });
    expect(after.body.missing).toEqual([]);
    expect(after.body.combined.resistance).toEqual({ runId: up.body.analysisRunIds[0], analyzer: 'resistance', analyzerVersion: expect.any(String) });
    // The virtual glass: Tc_R 3.6 K at the top of a χ distribution whose onset is 3.6 K, ≈ 2.5 σ above μ.
    expect(after.body.tcResistiveZ).toBeGreaterThan(1.5);
    expect(after.body.shieldingAtTcResistiveFraction).toBeLessThan(0.1);
    expect(after.body.widthRatio).toBeGreaterThan(10);
    const report = await api.request('GET', `/api/campaigns/${campaignId}/report`, { token: tokens.member });
    expect(report.body.pieces.find((p: { sampleId: string }) => p.sampleId === piece.id).crossTechnique).toEqual(after.body);
    expect((await api.request('GET', `/api/samples/${randomUUID()}/cross-technique`, { token: tokens.member })).status).toBe(404);

    // The transitions figure (Fig. 4(c)) of that piece: −dχ/dT ZFC and FC with dR/dT.
    const html = (query: string) =>
      api.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/report.html${query}`, headers: { authorization: `Bearer ${tokens.member}` } });
    const chosen = await html(`?pieces=${piece.code}`);
    expect(chosen.statusCode).toBe(200);
    const section = chosen.body.match(/<section id="transitions">([\s\S]*?)<\/section>/)![1];
    expect(section).toMatch(/<svg[\s\S]*−dχ\/dT ZFC[\s\S]*−dχ\/dT FC[\s\S]*dR\/dT[\s\S]*<\/svg>/);
    expect(section).toContain(`per piece (${piece.code})`);
    // By default one piece per level (this one, with its resistance run, for level 0).
    const byDefault = await html('');
    expect(byDefault.body.match(/<section id="transitions">[\s\S]*?<\/section>/)![0]).toContain(`per piece (${piece.code}, `);
    const unknown = await html('?pieces=NOPE-1');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ field: 'pieces', message: 'pieces: not assigned to this campaign: NOPE-1' });
    expect((await html('?pieces=%3Cscript%3E')).statusCode).toBe(400);

    // The same figure as data for the web app: the HTML page's pieces, with their curves.
    const transitions = (query: string) => api.request('GET', `/api/campaigns/${campaignId}/report/transitions${query}`, { token: tokens.member });
    const data = (await transitions('')).body.pieces as { code: string; level: number; sampleId: string; zfcDerivative?: unknown; resistance?: unknown }[];
    const drawn = byDefault.body.match(/per piece \(([^)]*)\)/)![1].split(', ');
    expect(data.map((p) => p.code)).toEqual(drawn);
    expect(data.map((p) => p.level)).toEqual([...campaign.levels]);
    const mine = data.find((p) => p.code === piece.code)!;
    expect(mine).toMatchObject({ sampleId: piece.id, level: 0, subtitle: 'level 0 min' });
    for (const curve of [mine.zfcDerivative, mine.resistance]) expect(curve).toEqual({ x: expect.any(Array), y: expect.any(Array) });
    expect((mine.resistance as { x: number[] }).x.length).toBeGreaterThan(10);
    const other = data.find((p) => p.code !== piece.code)!;
    expect(other.resistance).toBeUndefined();
    expect((await transitions(`?pieces=${other.code}`)).body.pieces.map((p: { code: string }) => p.code)).toEqual([other.code]);
    expect((await transitions('?pieces=NOPE-1')).body).toMatchObject({ field: 'pieces' });
  }, 120_000);
});
