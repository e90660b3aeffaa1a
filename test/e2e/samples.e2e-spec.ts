import { Client } from 'pg';
import { anneal, cryo, newAlloy, newLineage } from '../factories/sample.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

describe('sample lifecycle', () => {
  let api: TestApi;
  let token: string;
  let piToken: string;
  let alloy: { id: string };

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    piToken = pi.token;
    token = (await newUser(api, admin, 'MEMBER')).token;
    alloy = await newAlloy(api, pi.token);
    // Three scrypt logins on a loaded machine can take longer than the default 30 s.
  }, 120_000);
  afterAll(() => api?.close());

  const post = (url: string, body: unknown) => api.request('POST', url, { token, body });
  const get = (url: string) => api.request('GET', url, { token });

  it('builds the lineage ingot → ribbon → pieces with readable codes', async () => {
    const { ingot, ribbon, pieces } = await newLineage(api, token, alloy.id, 3);
    expect(ingot).toMatchObject({ kind: 'INGOT', code: expect.stringMatching(/^I\d{4}$/) });
    expect(ribbon).toMatchObject({ kind: 'RIBBON', code: `${ingot.code}-R1` });
    expect(pieces.map((p) => p.code)).toEqual([`${ribbon.code}-P01`, `${ribbon.code}-P02`, `${ribbon.code}-P03`]);
    const more = await post(`/api/samples/${ribbon.id}/pieces`, { count: 1, lengthMm: 3, massMg: 0.9 });
    expect(more.body[0].code).toBe(`${ribbon.code}-P04`);

    const lineage = await get(`/api/samples/${pieces[1].id}/lineage`);
    expect(lineage.status).toBe(200);
    expect(lineage.body.ancestors.map((a: { code: string }) => a.code)).toEqual([ingot.code, ribbon.code]);
    const down = await get(`/api/samples/${ingot.id}/lineage`);
    expect(down.body.descendants.map((d: { code: string }) => d.code)).toEqual([ribbon.code, ...pieces.map((p) => p.code), more.body[0].code]);

    const history = await get(`/api/samples/${pieces[0].id}/history`);
    expect(history.body.events.map((e: { kind: string; inherited: boolean }) => [e.kind, e.inherited])).toEqual([
      ['ARC_MELT', true],
      ['MELT_SPIN', true],
      ['CUT', false],
    ]);
  });

  it('refuses wrong lineage: a ribbon from a ribbon, pieces from an ingot, unknown ids', async () => {
    const { ingot, ribbon } = await newLineage(api, token, alloy.id, 1);
    const r = await post(`/api/samples/${ribbon.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25 });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'INVALID_LINEAGE', field: 'id' });
    expect((await post(`/api/samples/${ingot.id}/pieces`, { count: 1, lengthMm: 3, massMg: 1 })).status).toBe(422);
    const missing = await get('/api/samples/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.field).toBe('id');
    expect((await get('/api/samples/not-a-uuid')).body.field).toBe('id');
    const noAlloy = await post('/api/samples/ingots', { alloyId: '00000000-0000-4000-8000-000000000000', massG: 5, melts: 5 });
    expect(noAlloy.status).toBe(404);
    expect(noAlloy.body.field).toBe('alloyId');
  });

  it('validates each kind: melts ≥ 5, positive masses, counts', async () => {
    const few = await post('/api/samples/ingots', { alloyId: alloy.id, massG: 5, melts: 3 });
    expect(few.status).toBe(400);
    expect(few.body.field).toBe('melts');
    const { ribbon } = await newLineage(api, token, alloy.id, 1);
    const bad = await post(`/api/samples/${ribbon.id}/pieces`, { count: 0, lengthMm: 3, massMg: -1 });
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['count', 'massMg']);
  });

  it('validates each treatment kind against its own fields', async () => {
    const { pieces } = await newLineage(api, token, alloy.id, 1);
    const url = `/api/samples/${pieces[0].id}/treatments`;
    expect((await post(url, { kind: 'BAKE' })).body.field).toBe('kind');
    const a = await post(url, { kind: 'ANNEAL', targetK: 453, holdMin: 5 });
    expect(a.status).toBe(400);
    expect(a.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['atmosphere', 'cooling', 'heatingRateKPerMin']);
    const mixed = await post(url, { ...cryo(27), targetK: 453 });
    expect(mixed.status).toBe(400);
    expect(mixed.body.field).toBe('targetK');
    const inverted = await post(url, { ...cryo(27), lowK: 300 });
    expect(inverted.status).toBe(400);
    expect(inverted.body.field).toBe('lowK');
    const fractional = await post(url, { ...cryo(2.5) });
    expect(fractional.body.field).toBe('cycles');
    const x = await post(url, { kind: 'CRYSTALLIZE', targetK: 513 });
    expect(x.body.field).toBe('holdMin');
    expect((await get(`/api/samples/${pieces[0].id}/history`)).body.events).toHaveLength(3);
  });

  it('guards Tg: anneal at or above Tg is 422 unless a PI overrides it with a reason, then flagged', async () => {
    const { pieces } = await newLineage(api, token, alloy.id, 1);
    const url = `/api/samples/${pieces[0].id}/treatments`;
    const refused = await post(url, anneal(474, 5));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ANNEAL_AT_OR_ABOVE_TG', field: 'targetK' });
    expect(refused.body.message).toContain('474 K');
    expect((await post(url, anneal(480, 5, { override: {} }))).body.field).toBe('override.reason');
    const ok = await api.request('POST', url, { token: piToken, body: anneal(480, 5, { override: { reason: 'supercooled-liquid relaxation test' } }) });
    expect(ok.status).toBe(201);
    expect(ok.body.step.flags).toEqual(['TG_OVERRIDE']);
    expect(ok.body.step.overrideReason).toBe('supercooled-liquid relaxation test');
    expect(ok.body.warnings[0]).toContain('overridden');
    expect((await post(url, anneal(473.9, 5))).status).toBe(201);
  });

  it('derives state, signature and totals: anneal then cycle, cycle then anneal', async () => {
    const { pieces } = await newLineage(api, token, alloy.id, 2);
    const [p1, p2] = pieces;
    await post(`/api/samples/${p1.id}/treatments`, anneal(453, 5));
    const after = await post(`/api/samples/${p1.id}/treatments`, cryo(27));
    expect(after.body.sample.signature).toBe('A453K·5min → C77/293K×27');
    const s1 = await get(`/api/samples/${p1.id}`);
    expect(s1.body).toMatchObject({
      code: p1.code,
      kind: 'PIECE',
      state: 'REJUVENATED',
      stateSequence: ['ANNEALED', 'REJUVENATED'],
      signature: 'A453K·5min → C77/293K×27',
      totals: { annealMinByK: { '453': 5 }, cryoCycles: 27, crystallized: false },
    });

    await post(`/api/samples/${p2.id}/treatments`, cryo(50));
    await post(`/api/samples/${p2.id}/treatments`, anneal(453, 0.5));
    await post(`/api/samples/${p2.id}/treatments`, anneal(453, 1));
    const s2 = await get(`/api/samples/${p2.id}`);
    expect(s2.body).toMatchObject({
      state: 'ANNEALED',
      signature: 'C77/293K×50 → A453K·0.5min → A453K·1min',
      totals: { annealMinByK: { '453': 1.5 }, cryoCycles: 50 },
    });
    const history = await get(`/api/samples/${p2.id}/history`);
    expect(history.body.events.map((e: { kind: string }) => e.kind)).toEqual(['ARC_MELT', 'MELT_SPIN', 'CUT', 'CRYO_CYCLE', 'ANNEAL', 'ANNEAL']);
  });

  it('flags treatments of a crystallized piece in the response and the history', async () => {
    const { pieces } = await newLineage(api, token, alloy.id, 1);
    const url = `/api/samples/${pieces[0].id}/treatments`;
    expect((await post(url, { kind: 'CRYSTALLIZE', targetK: 513, holdMin: 30 })).status).toBe(201);
    const res = await post(url, cryo(27));
    expect(res.status).toBe(201);
    expect(res.body.step.flags).toEqual(['ON_CRYSTALLIZED_PIECE']);
    expect(res.body.warnings.join()).toContain('crystallized');
    const s = await get(`/api/samples/${pieces[0].id}`);
    expect(s.body).toMatchObject({ state: 'CRYSTALLIZED', flags: ['ON_CRYSTALLIZED_PIECE'] });
    const h = await get(`/api/samples/${pieces[0].id}/history`);
    expect(h.body.events.at(-1).flags).toEqual(['ON_CRYSTALLIZED_PIECE']);
  });

  it('pieces cut from a treated ribbon inherit its treatments; later ribbon treatments do not reach them', async () => {
    const { ribbon, pieces: before } = await newLineage(api, token, alloy.id, 1);
    await post(`/api/samples/${ribbon.id}/treatments`, anneal(453, 8));
    const after = await post(`/api/samples/${ribbon.id}/pieces`, { count: 1, lengthMm: 3, massMg: 1 });
    expect((await get(`/api/samples/${before[0].id}`)).body.state).toBe('AS_QUENCHED');
    expect((await get(`/api/samples/${after.body[0].id}`)).body).toMatchObject({ state: 'ANNEALED', signature: 'A453K·8min' });
  });

  it('lists with filters and cursor pagination, every sample exactly once', async () => {
    // Whole seconds: the database's clock and this process's may round differently.
    const createdFrom = Math.floor(Date.now() / 1000) * 1000;
    const { ingot, ribbon, pieces } = await newLineage(api, token, alloy.id, 7);
    await post(`/api/samples/${pieces[0].id}/treatments`, anneal(453, 1));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { code: string }[]; nextCursor: string | null } } = await get(
        `/api/samples?kind=PIECE&codePrefix=${ribbon.code}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(pieces.map((p) => p.code));
    const annealed = await get(`/api/samples?state=ANNEALED&codePrefix=${ribbon.code}`);
    expect(annealed.body.items.map((i: { code: string }) => i.code)).toEqual([pieces[0].code]);
    expect(annealed.body.items[0]).toEqual({
      id: pieces[0].id,
      code: pieces[0].code,
      kind: 'PIECE',
      state: 'ANNEALED',
      signature: 'A453K·1min',
      alloyId: alloy.id,
      projectId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      parentId: ribbon.id,
      massMg: 1.2,
      createdAt: expect.stringMatching(/Z$/),
    });
    // Stored and read back as UTC: the instant lies between the start of this test and now, not
    // 14 h off (the suite runs in UTC+14), however long a busy machine took.
    const createdAt = Date.parse(annealed.body.items[0].createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(createdFrom);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
    const ribbons = await get(`/api/samples?kind=RIBBON&alloyId=${alloy.id}&codePrefix=${ingot.code}`);
    expect(ribbons.body).toEqual({ items: [expect.objectContaining({ id: ribbon.id, code: ribbon.code })], nextCursor: null });
    expect((await get(`/api/samples?codePrefix=${ribbon.code}X`)).body.items).toEqual([]);
    expect((await get(`/api/samples?kind=PIECE&cursor=00000000-0000-4000-8000-000000000000`)).body).toEqual({ items: [], nextCursor: null });
    expect((await get('/api/samples?limit=0')).body.field).toBe('limit');
    expect((await get('/api/samples?state=MOLTEN')).body.field).toBe('state');
  });

  it('audits who did what, when', async () => {
    const { pieces } = await newLineage(api, token, alloy.id, 1);
    await post(`/api/samples/${pieces[0].id}/treatments`, anneal(453, 1));
    const audit = await get(`/api/audit?entityId=${pieces[0].id}`);
    expect(audit.status).toBe(200);
    expect(audit.body[0]).toMatchObject({ action: 'treatment.anneal', entityType: 'Sample', entityId: pieces[0].id, actorId: expect.any(String) });
  });

  it('the database itself rejects UPDATE and DELETE of steps and audit rows', async () => {
    const { pieces } = await newLineage(api, token, alloy.id, 1);
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`UPDATE process_steps SET params = '{}' WHERE "sampleId" = $1`, [pieces[0].id])).rejects.toThrow(/append-only: UPDATE/);
      await expect(client.query(`DELETE FROM process_steps WHERE "sampleId" = $1`, [pieces[0].id])).rejects.toThrow(/append-only: DELETE/);
      await expect(client.query('UPDATE audit_log SET action = $1', ['forged'])).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE process_steps CASCADE')).rejects.toThrow(/append-only/);
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM process_steps WHERE "sampleId" = $1`, [pieces[0].id]);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
