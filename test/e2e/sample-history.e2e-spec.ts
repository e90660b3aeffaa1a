import { Client } from 'pg';
import { anneal, cryo, newAlloy, newLineage } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const iso = (d: Date) => d.toISOString();

/** Issue 11: a history the lab can trust — physical order, guardrails against the alloy, retractions. */
describe('sample history: physical order, guardrails, retractions', () => {
  let api: TestApi;
  let member: { id: string; token: string };
  let other: { id: string; token: string };
  let pi: { id: string; token: string };
  let alloy: { id: string };

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.login();
    pi = await newUser(api, admin, 'PI');
    member = await newUser(api, admin, 'MEMBER');
    other = await newUser(api, admin, 'MEMBER');
    // Tg 474 K, Tx 493 K.
    alloy = await newAlloy(api, pi.token);
    // Four scrypt logins on a loaded machine can take longer than the default 30 s.
  }, 120_000);
  afterAll(() => api?.close());

  const post = (url: string, body: unknown, token = member.token) => api.request('POST', url, { token, body });
  const get = (url: string, token = member.token) => api.request('GET', url, { token });
  const treat = (id: string, body: object, token = member.token) => post(`/api/samples/${id}/treatments`, body, token);
  const retractStep = (sampleId: string, stepId: string, reason: unknown, token = member.token) =>
    post(`/api/samples/${sampleId}/steps/${stepId}/retract`, reason === undefined ? {} : { reason }, token);
  const newCampaign = async (factor: object) => {
    const res = await post(
      '/api/campaigns',
      { name: `c-${Math.random().toString(36).slice(2, 8)}`, alloyId: alloy.id, hypothesis: 'h', factor, plannedTechniques: ['MAGNETIC'] },
      pi.token,
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const assign = (campaignId: string, sampleId: string, level: number) => post(`/api/campaigns/${campaignId}/assignments`, { sampleId, level }, pi.token);

  describe('melt-spinning starts the glass', () => {
    it('an ingot is AS_CAST, and treatments on it are refused naming its kind', async () => {
      const { ingot } = await newLineage(api, member.token, alloy.id, 1);
      expect((await get(`/api/samples/${ingot.id}`)).body).toMatchObject({ kind: 'INGOT', state: 'AS_CAST', stateSequence: ['AS_CAST'], signature: '' });
      for (const body of [cryo(3), anneal(453, 5), { kind: 'CRYSTALLIZE', targetK: 513, holdMin: 30 }]) {
        const res = await treat(ingot.id, body);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'TREATMENT_ON_INGOT', field: 'id' });
        expect(res.body.message).toContain('treatments apply to ribbons and pieces; this is an INGOT');
      }
      const listed = await get(`/api/samples?kind=INGOT&state=AS_CAST&codePrefix=${ingot.code}`);
      expect(listed.body.items.map((i: { code: string }) => i.code)).toEqual([ingot.code]);
    });

    it('a ribbon spun from a cycled ingot is AS_QUENCHED with an empty signature, and its fresh piece fits level 0', async () => {
      const { ingot } = await newLineage(api, member.token, alloy.id, 1);
      // An ingot cycled before the API refused it (legacy data): written as the old code did.
      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById")
           VALUES (gen_random_uuid(), $1, 2, 'CRYO_CYCLE', '{"lowK":77,"highK":293,"cycles":3,"dwellLowS":60,"dwellHighS":60}', '{}', now() - interval '1 minute', $2)`,
          [ingot.id, member.id],
        );
      } finally {
        await client.end();
      }
      const ribbon = await post(`/api/samples/${ingot.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25 });
      expect(ribbon.status).toBe(201);
      expect((await get(`/api/samples/${ribbon.body.id}`)).body).toMatchObject({
        state: 'AS_QUENCHED',
        signature: '',
        totals: { annealMinByK: {}, cryoCycles: 0, cryoCyclesByRange: {}, crystallized: false },
      });
      const [piece] = (await post(`/api/samples/${ribbon.body.id}/pieces`, { count: 1, lengthMm: 4, massMg: 1 })).body;
      expect((await get(`/api/samples/${piece.id}`)).body).toMatchObject({ state: 'AS_QUENCHED', signature: '' });
      const history = await get(`/api/samples/${piece.id}/history`);
      expect(history.body.events.map((e: { kind: string }) => e.kind)).toEqual(['ARC_MELT', 'MELT_SPIN', 'CUT']);
      const campaignId = await newCampaign({ kind: 'CRYO_CYCLES', lowK: 77, highK: 293, levels: [0, 27] });
      expect((await assign(campaignId, piece.id, 0)).status).toBe(201);
    });
  });

  describe('performedAt', () => {
    it('may not precede the step that created the sample, nor lie more than 5 minutes ahead; year 10000 is a 4xx', async () => {
      const { ingot, ribbon, pieces } = await newLineage(api, member.token, alloy.id, 1, { arcMelt: daysAgo(30), meltSpin: daysAgo(29), cut: daysAgo(28) });
      const piece = pieces[0];
      const early = await treat(piece.id, { ...cryo(27), performedAt: iso(daysAgo(28.5)) });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ code: 'PERFORMED_AT_OUT_OF_RANGE', field: 'performedAt' });
      expect(early.body.message).toContain(`the CUT that created ${piece.code}`);
      for (const future of ['2099-01-01T00:00:00Z', '2999-06-01T00:00:00Z', new Date(Date.now() + 10 * 60_000).toISOString()]) {
        const res = await treat(piece.id, { ...cryo(27), performedAt: future });
        expect(res.status).toBe(422);
        expect(res.body.field).toBe('performedAt');
      }
      for (const year10000 of ['+010000-01-01T00:00:00.000Z', 253402300800000, '10000-01-01T00:00:00Z']) {
        const res = await treat(piece.id, { ...cryo(27), performedAt: year10000 });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.field).toBe('performedAt');
      }
      // Two minutes ahead (a drifting instrument PC) is accepted.
      expect((await treat(piece.id, { ...cryo(1), performedAt: new Date(Date.now() + 2 * 60_000).toISOString() })).status).toBe(201);
      // The creating steps are checked too.
      const spun = await post(`/api/samples/${ingot.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25, performedAt: iso(daysAgo(31)) });
      expect(spun.body).toMatchObject({ code: 'PERFORMED_AT_OUT_OF_RANGE', field: 'performedAt' });
      const cut = await post(`/api/samples/${ribbon.id}/pieces`, { count: 1, lengthMm: 4, massMg: 1, performedAt: iso(daysAgo(29.5)) });
      expect(cut.body.field).toBe('performedAt');
      const melted = await post('/api/samples/ingots', { alloyId: alloy.id, massG: 5, melts: 5, performedAt: '2999-01-01T00:00:00Z' });
      expect(melted.status).toBe(422);
      expect(melted.body.field).toBe('performedAt');
      // Measurements as well.
      const m = await post('/api/measurements', { sampleId: piece.id, technique: 'MAGNETIC', instrument: 'v', conditions: {}, performedAt: iso(daysAgo(29)) });
      expect(m.status).toBe(422);
      expect(m.body.field).toBe('performedAt');
      const m2 = await post('/api/measurements', {
        sampleId: piece.id,
        technique: 'MAGNETIC',
        instrument: 'v',
        conditions: {},
        performedAt: '2099-01-01T00:00:00Z',
      });
      expect(m2.body.field).toBe('performedAt');
      // Nothing refused reached the history.
      const h = await get(`/api/samples/${piece.id}/history`);
      expect(h.body.events.map((e: { kind?: string }) => e.kind)).toEqual(['ARC_MELT', 'MELT_SPIN', 'CUT', 'CRYO_CYCLE']);
    });

    it('history and derived state follow performedAt; a backdated entry is allowed and breaks a campaign match, flagged', async () => {
      const { ribbon, pieces } = await newLineage(api, member.token, alloy.id, 2, { arcMelt: daysAgo(30), meltSpin: daysAgo(29), cut: daysAgo(20) });
      const [p1, p2] = pieces;
      expect((await treat(p1.id, { ...anneal(453, 5), performedAt: iso(daysAgo(2)) })).status).toBe(201);
      const backdated = await treat(p1.id, { ...cryo(27), performedAt: iso(daysAgo(5)) });
      expect(backdated.status).toBe(201);
      expect(backdated.body.sample).toMatchObject({ state: 'ANNEALED', signature: 'C77/293K×27 → A453K·5min' });
      const h = await get(`/api/samples/${p1.id}/history`);
      expect(h.body.events.map((e: { kind: string }) => e.kind)).toEqual(['ARC_MELT', 'MELT_SPIN', 'CUT', 'CRYO_CYCLE', 'ANNEAL']);
      const at = h.body.events.map((e: { at: string }) => Date.parse(e.at));
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect((await get(`/api/samples?state=ANNEALED&codePrefix=${p1.code}`)).body.items).toHaveLength(1);

      // p2 matches level 0 of an anneal campaign, until a ribbon anneal performed before its cut is logged.
      const campaignId = await newCampaign({ kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 5] });
      expect((await assign(campaignId, p2.id, 0)).status).toBe(201);
      expect((await get(`/api/campaigns/${campaignId}/progress`)).body.brokenMatches).toEqual([]);
      expect((await treat(ribbon.id, { ...anneal(453, 1), performedAt: iso(daysAgo(25)) })).status).toBe(201);
      expect((await get(`/api/samples/${p2.id}`)).body).toMatchObject({ state: 'ANNEALED', signature: 'A453K·1min' });
      // The cached state (what lists filter on) follows too.
      expect((await get(`/api/samples?state=ANNEALED&codePrefix=${p2.code}`)).body.items.map((i: { code: string }) => i.code)).toEqual([p2.code]);
      const progress = await get(`/api/campaigns/${campaignId}/progress`);
      expect(progress.body.brokenMatches).toEqual([
        { sampleId: p2.id, code: p2.code, level: 0, matchBroken: true, mismatches: ['it has 1 min at 453 K; level 0 needs 0 min'] },
      ]);
      const report = await get(`/api/campaigns/${campaignId}/report`);
      expect(report.body.pieces).toEqual([
        expect.objectContaining({ sampleId: p2.id, matchBroken: true, mismatches: ['it has 1 min at 453 K; level 0 needs 0 min'] }),
      ]);
      // A ribbon step performed after the cut does not reach the piece.
      await treat(ribbon.id, { ...cryo(50), performedAt: iso(daysAgo(10)) });
      expect((await get(`/api/samples/${p2.id}`)).body.signature).toBe('A453K·1min');
    });
  });

  describe('temperatures against the alloy', () => {
    it('an anneal at or above Tx is a crystallization, whoever asks', async () => {
      const { pieces } = await newLineage(api, member.token, alloy.id, 1);
      const res = await treat(pieces[0].id, anneal(520, 5, { override: { reason: 'deliberate, I am the PI' } }), pi.token);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'ANNEAL_AT_OR_ABOVE_TX', field: 'targetK' });
      expect(res.body.message).toContain('that crystallizes the glass: record CRYSTALLIZE');
      expect((await treat(pieces[0].id, anneal(493, 5))).body.code).toBe('ANNEAL_AT_OR_ABOVE_TX');
    });

    it("between Tg and Tx a MEMBER's override is 403 naming the rule; a PI's passes and is flagged in the history", async () => {
      const { pieces } = await newLineage(api, member.token, alloy.id, 1);
      const body = anneal(480, 5, { override: { reason: 'supercooled-liquid relaxation series' } });
      const refused = await treat(pieces[0].id, body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'OVERRIDE_NEEDS_PI', field: 'override' });
      expect(refused.body.message).toContain("needs a PI's or ADMIN's override");
      const ok = await treat(pieces[0].id, body, pi.token);
      expect(ok.status).toBe(201);
      expect(ok.body.step).toMatchObject({ flags: ['TG_OVERRIDE'], overrideReason: 'supercooled-liquid relaxation series' });
      const history = await get(`/api/samples/${pieces[0].id}/history`);
      expect(history.body.events.at(-1)).toMatchObject({
        kind: 'ANNEAL',
        flags: ['TG_OVERRIDE'],
        overrideReason: 'supercooled-liquid relaxation series',
        createdById: pi.id,
      });
      expect((await get(`/api/samples/${pieces[0].id}`)).body.flags).toEqual(['TG_OVERRIDE']);
    });

    it("a campaign's anneal factor at or above its alloy's Tg is refused", async () => {
      const body = (targetK: number) => ({
        name: `tg-${targetK}-${Math.random().toString(36).slice(2, 8)}`,
        alloyId: alloy.id,
        hypothesis: 'h',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK, levels: [0, 5] },
        plannedTechniques: ['MAGNETIC'],
      });
      for (const targetK of [474, 480]) {
        const res = await post('/api/campaigns', body(targetK), pi.token);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'ANNEAL_AT_OR_ABOVE_TG', field: 'factor.targetK' });
        expect(res.body.message).toContain('474 K');
      }
      expect((await post('/api/campaigns', body(473), pi.token)).status).toBe(201);
    });
  });

  describe('retractions', () => {
    it("retracting a piece's only anneal makes it AS_QUENCHED again and flags its campaign assignment", async () => {
      const { pieces } = await newLineage(api, member.token, alloy.id, 1);
      const piece = pieces[0];
      const step = (await treat(piece.id, anneal(453, 5))).body.step;
      const campaignId = await newCampaign({ kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 5] });
      expect((await assign(campaignId, piece.id, 5)).status).toBe(201);

      expect((await retractStep(piece.id, step.id, undefined)).body.field).toBe('reason');
      expect((await retractStep(piece.id, step.id, '   ')).body.field).toBe('reason');
      expect((await retractStep(piece.id, step.id, 'x'.repeat(1001))).body.field).toBe('reason');
      const notYours = await retractStep(piece.id, step.id, 'not mine', other.token);
      expect(notYours.status).toBe(403);
      expect(notYours.body.code).toBe('NOT_YOURS');

      const res = await retractStep(piece.id, step.id, 'logged on the wrong piece');
      expect(res.status).toBe(200);
      expect(res.body.retraction).toMatchObject({ target: 'STEP', stepId: step.id, reason: 'logged on the wrong piece', by: member.id });
      expect(res.body.sample).toMatchObject({ state: 'AS_QUENCHED', signature: '', totals: { annealMinByK: {} } });
      expect((await get(`/api/samples/${piece.id}`)).body).toMatchObject({ state: 'AS_QUENCHED', signature: '' });
      expect((await get(`/api/samples?state=AS_QUENCHED&codePrefix=${piece.code}`)).body.items).toHaveLength(1);

      const again = await retractStep(piece.id, step.id, 'twice');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_RETRACTED');

      // Still in the history, marked, with who, when and why.
      const history = await get(`/api/samples/${piece.id}/history`);
      const anneal5 = history.body.events.find((e: { id: string }) => e.id === step.id);
      expect(anneal5).toMatchObject({
        kind: 'ANNEAL',
        retracted: true,
        retraction: { by: member.id, byName: 'Test MEMBER', reason: 'logged on the wrong piece', at: expect.stringMatching(/Z$/) },
      });
      expect(history.body.events.filter((e: { retracted: boolean }) => !e.retracted).map((e: { kind: string }) => e.kind)).toEqual([
        'ARC_MELT',
        'MELT_SPIN',
        'CUT',
      ]);
      const audit = await get(`/api/audit?entityId=${piece.id}`);
      expect(audit.body.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['treatment.anneal', 'step.retract']));

      const progress = await get(`/api/campaigns/${campaignId}/progress`);
      expect(progress.body.brokenMatches).toEqual([
        { sampleId: piece.id, code: piece.code, level: 5, matchBroken: true, mismatches: ['it has 0 min at 453 K; level 5 needs 5 min'] },
      ]);
      expect((await get(`/api/campaigns/${campaignId}/report`)).body.pieces[0]).toMatchObject({ matchBroken: true });
      // To correct: log anew.
      expect((await treat(piece.id, anneal(453, 5))).body.sample).toMatchObject({ state: 'ANNEALED', signature: 'A453K·5min' });
      expect((await get(`/api/campaigns/${campaignId}/progress`)).body.brokenMatches).toEqual([]);
    });

    it("a PI may retract anyone's step; creating steps and other samples' steps cannot be retracted here", async () => {
      const { pieces } = await newLineage(api, member.token, alloy.id, 2);
      const step = (await treat(pieces[0].id, cryo(27))).body.step;
      expect((await retractStep(pieces[1].id, step.id, 'wrong sample')).status).toBe(404);
      const cut = (await get(`/api/samples/${pieces[0].id}/history`)).body.events.find((e: { kind: string }) => e.kind === 'CUT');
      const refused = await retractStep(pieces[0].id, cut.id, 'not a treatment');
      expect(refused.status).toBe(422);
      expect(refused.body.field).toBe('stepId');
      expect((await retractStep(pieces[0].id, 'not-a-uuid', 'x')).body.field).toBe('stepId');
      const byPi = await retractStep(pieces[0].id, step.id, 'PI correction', pi.token);
      expect(byPi.status).toBe(200);
      expect(byPi.body.sample.state).toBe('AS_QUENCHED');
    });

    it('retracting a ribbon step updates the pieces cut after it', async () => {
      const { ribbon } = await newLineage(api, member.token, alloy.id, 1);
      const step = (await treat(ribbon.id, anneal(453, 8))).body.step;
      const [piece] = (await post(`/api/samples/${ribbon.id}/pieces`, { count: 1, lengthMm: 3, massMg: 1 })).body;
      expect((await get(`/api/samples?codePrefix=${piece.code}`)).body.items[0].state).toBe('ANNEALED');
      expect((await retractStep(ribbon.id, step.id, 'the furnace log was for another ribbon')).status).toBe(200);
      expect((await get(`/api/samples/${piece.id}`)).body.state).toBe('AS_QUENCHED');
      expect((await get(`/api/samples?codePrefix=${piece.code}`)).body.items[0].state).toBe('AS_QUENCHED');
    });

    it('measurements and file links are retracted, kept and marked, and leave progress', async () => {
      const { pieces } = await newLineage(api, member.token, alloy.id, 2);
      const campaignId = await newCampaign({ kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 5] });
      for (const p of pieces) expect((await assign(campaignId, p.id, 0)).status).toBe(201);
      const m1 = await newMeasurement(api, member.token, pieces[0].id, 'MAGNETIC', { mode: 'ZFC' });
      const m2 = await newMeasurement(api, member.token, pieces[1].id, 'MAGNETIC', { mode: 'ZFC' });
      const up1 = await upload(api, member.token, m1.id, 'a.dat', `bytes for ${m1.id}`);
      const up2 = await upload(api, member.token, m2.id, 'b.dat', `bytes for ${m2.id}`);
      expect([up1.status, up2.status]).toEqual([202, 202]);
      const uploaded = async () => (await get(`/api/campaigns/${campaignId}/progress`)).body.cells.find((c: { level: number }) => c.level === 0).uploaded;
      expect(await uploaded()).toBe(2);

      const notYours = await post(`/api/measurements/${m1.id}/retract`, { reason: 'x' }, other.token);
      expect(notYours.status).toBe(403);
      const r1 = await post(`/api/measurements/${m1.id}/retract`, { reason: 'wrong piece in the holder' });
      expect(r1.status).toBe(200);
      expect(r1.body.retraction).toMatchObject({ target: 'MEASUREMENT', measurementId: m1.id, by: member.id });
      expect((await post(`/api/measurements/${m1.id}/retract`, { reason: 'again' })).status).toBe(409);
      expect(await uploaded()).toBe(1);
      const detail = await get(`/api/measurements/${m1.id}`);
      expect(detail.body).toMatchObject({ retracted: true, retraction: { by: member.id, byName: 'Test MEMBER', reason: 'wrong piece in the holder' } });
      const refusedUpload = await upload(api, member.token, m1.id, 'c.dat', 'more bytes');
      expect(refusedUpload.status).toBe(409);
      expect(refusedUpload.body.code).toBe('RETRACTED');
      const history = await get(`/api/samples/${pieces[0].id}/history`);
      expect(history.body.events.find((e: { id: string }) => e.id === m1.id)).toMatchObject({ type: 'MEASUREMENT', retracted: true });
      expect(history.body.events.find((e: { type: string }) => e.type === 'ANALYSIS')).toMatchObject({ retracted: true });

      const file = `/api/measurements/${m2.id}/files/${up2.body.fileId}/retract`;
      expect((await post(`/api/measurements/${m2.id}/files/00000000-0000-4000-8000-000000000000/retract`, { reason: 'x' })).body.field).toBe('fileId');
      const r2 = await post(file, { reason: 'uploaded the FC sweep as ZFC' }, pi.token);
      expect(r2.status).toBe(200);
      expect(r2.body.retraction).toMatchObject({ target: 'FILE', measurementId: m2.id, fileId: up2.body.fileId, by: pi.id });
      expect((await post(file, { reason: 'again' }, pi.token)).body.code).toBe('ALREADY_RETRACTED');
      expect(await uploaded()).toBe(0);
      const m2detail = await get(`/api/measurements/${m2.id}`);
      expect(m2detail.body).toMatchObject({
        retracted: false,
        files: [{ fileId: up2.body.fileId, retracted: true, retraction: { by: pi.id, byName: 'Test PI' } }],
      });
      const audit = await get(`/api/audit?entityId=${m2.id}`);
      expect(audit.body.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['file.upload', 'file.retract']));
    });

    it('the database refuses UPDATE, DELETE and TRUNCATE of retractions', async () => {
      const { pieces } = await newLineage(api, member.token, alloy.id, 1);
      const step = (await treat(pieces[0].id, cryo(1))).body.step;
      expect((await retractStep(pieces[0].id, step.id, 'test')).status).toBe(200);
      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      try {
        await expect(client.query(`UPDATE retractions SET reason = 'forged' WHERE "stepId" = $1`, [step.id])).rejects.toThrow(/append-only: UPDATE/);
        await expect(client.query(`DELETE FROM retractions WHERE "stepId" = $1`, [step.id])).rejects.toThrow(/append-only: DELETE/);
        await expect(client.query('TRUNCATE retractions')).rejects.toThrow(/append-only/);
        const { rows } = await client.query(`SELECT reason FROM retractions WHERE "stepId" = $1`, [step.id]);
        expect(rows).toEqual([{ reason: 'test' }]);
      } finally {
        await client.end();
      }
    });
  });
});
