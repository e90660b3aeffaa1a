import { Client } from 'pg';
import { anneal, newAlloy, newLineage } from '../factories/sample.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

const FACTOR = { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] };

/** Issue 11 item 5: only pieces, of the campaign's alloy, can be assigned; open gaps list every empty cell; a missing baseline is flagged. */
describe('campaign checks', () => {
  let lab: TestLab;
  let api: TestApi;
  let pi: string;
  let member: string;
  let alloy: { id: string; name: string };
  let other: { id: string; name: string };
  let lineage: Awaited<ReturnType<typeof newLineage>>;
  let campaignId: string;

  const createCampaign = (body: object) =>
    api.request('POST', '/api/campaigns', {
      token: pi,
      body: { name: `checks-${Math.random().toString(36).slice(2, 8)}`, hypothesis: 'h', factor: FACTOR, plannedTechniques: ['MAGNETIC', 'XRD'], ...body },
    });
  const assign = (sampleId: string, level: number, id = campaignId) =>
    api.request('POST', `/api/campaigns/${id}/assignments`, { token: pi, body: { sampleId, level } });

  beforeAll(async () => {
    lab = await startTestLab('checks');
    ({ api, alloy } = lab);
    [pi, member] = [lab.pi.token, lab.member.token];
    other = await newAlloy(api, pi, { composition: { La: 70, Al: 30 } });
    lineage = await newLineage(api, member, alloy.id, 2);
    const created = await createCampaign({ alloyId: alloy.id });
    expect(created.status).toBe(201);
    expect(created.body.alloyId).toBe(alloy.id);
    campaignId = created.body.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('a campaign names its alloy: missing or unknown is refused naming alloyId', async () => {
    const missing = await createCampaign({});
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('alloyId');
    const unknown = await createCampaign({ alloyId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('alloyId');
  });

  it('only pieces can be assigned: a ribbon or an ingot is 422 naming its kind', async () => {
    const ribbon = await assign(lineage.ribbon.id, 0);
    expect(ribbon.status).toBe(422);
    expect(ribbon.body).toMatchObject({ code: 'ASSIGNMENT_MISMATCH', field: 'sampleId' });
    expect(ribbon.body.message).toBe(`only pieces can be assigned; ${lineage.ribbon.code} is a RIBBON`);
    const ingot = await assign(lineage.ingot.id, 0);
    expect(ingot.status).toBe(422);
    expect(ingot.body.message).toBe(`only pieces can be assigned; ${lineage.ingot.code} is an INGOT`);
  });

  it('a piece of another alloy is 422 naming both alloys', async () => {
    const foreign = await newLineage(api, member, other.id, 1);
    const res = await assign(foreign.pieces[0].id, 0);
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('sampleId');
    expect(res.body.message).toContain(other.name);
    expect(res.body.message).toContain(alloy.name);
    // The candidates list offers only the campaign alloy's pieces.
    const candidates = await api.request('GET', `/api/campaigns/${campaignId}/candidates`, { token: pi });
    const codes = candidates.body.items.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(lineage.pieces.map((p) => p.code)));
    expect(codes).not.toContain(foreign.pieces[0].code);
  });

  it('open gaps list every empty cell, levels without pieces and a missing baseline included; the report flags the baseline', async () => {
    const piece = lineage.pieces[0];
    expect((await api.request('POST', `/api/samples/${piece.id}/treatments`, { token: member, body: anneal(453, 1) })).status).toBe(201);
    expect((await assign(piece.id, 1)).status).toBe(201);

    const report = await api.request('GET', `/api/campaigns/${campaignId}/report`, { token: member });
    expect(report.status).toBe(200);
    const gaps = report.body.gaps.map((g: { level: number; technique: string; missing: number; noPieces: boolean }) => [
      g.level,
      g.technique,
      g.missing,
      g.noPieces,
    ]);
    expect(gaps).toEqual([
      [0, 'MAGNETIC', 0, true],
      [0, 'XRD', 0, true],
      [1, 'MAGNETIC', 1, false],
      [1, 'XRD', 1, false],
      [5, 'MAGNETIC', 0, true],
      [5, 'XRD', 0, true],
    ]);
    expect(report.body.baselineLevel).toBe(0);
    expect(report.body.baselineMissing).toBe(true);
    expect(report.body.warnings).toEqual(['the baseline level (0 min) has no data: changes against it cannot be computed']);

    const html = await api.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/report.html`, headers: { authorization: `Bearer ${member}` } });
    expect(html.body).toContain('<section id="warnings"');
    expect(html.body).toContain('the baseline level (0 min) has no data');
    expect(html.body).toContain('<strong>0 min · MAGNETIC</strong>: no pieces assigned');
    const csv = await api.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/report.csv`, headers: { authorization: `Bearer ${member}` } });
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('# warning: the baseline level (0 min) has no data: changes against it cannot be computed');
    expect(lines[1]).toMatch(/^code,level,/);
    expect(lines).toHaveLength(4); // warning, header, one piece, and the empty string after the last CRLF
  });

  it('an old campaign without an alloy takes the alloy of its first assigned piece', async () => {
    const created = await createCampaign({ alloyId: alloy.id });
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      await db.query('UPDATE campaigns SET "alloyId" = NULL WHERE id = $1', [created.body.id]);
      expect((await assign(lineage.pieces[1].id, 0, created.body.id)).status).toBe(201);
      const { rows } = await db.query('SELECT "alloyId" FROM campaigns WHERE id = $1', [created.body.id]);
      expect(rows[0].alloyId).toBe(alloy.id);
    } finally {
      await db.end();
    }
    const foreign = await newLineage(api, member, other.id, 1);
    expect((await assign(foreign.pieces[0].id, 0, created.body.id)).status).toBe(422);
  });
});
