import { newLineage } from '../factories/sample.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

/** Issue 11 item 7: physical bounds on every number, messages in plain words, 409s and JSON errors naming the field. */
describe('bounds and words', () => {
  let lab: TestLab;
  let api: TestApi;
  let pi: string;
  let member: string;
  let alloy: { id: string; name: string };

  beforeAll(async () => {
    lab = await startTestLab('bounds');
    ({ api, alloy } = lab);
    [pi, member] = [lab.pi.token, lab.member.token];
  });
  afterAll(() => lab?.close());

  const ingot = (body: object) => api.request('POST', '/api/samples/ingots', { token: member, body: { alloyId: alloy.id, massG: 5, melts: 5, ...body } });

  it('a missing number is "required"; one outside its physical bounds names them with the unit', async () => {
    const { massG: _, ...noMass } = { alloyId: alloy.id, massG: 5, melts: 5 };
    const missing = await api.request('POST', '/api/samples/ingots', { token: member, body: noMass });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ field: 'massG', message: 'massG: massG is required' });
    for (const massG of [1e308, 0, -1, 1000.5]) {
      const res = await ingot({ massG });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'massG', message: 'massG: massG must be between 0.001 and 1000 (g)' });
    }
    expect((await ingot({ massG: '5' })).body.message).toBe('massG: massG must be a number');
    expect((await ingot({ melts: 5.5 })).body.message).toBe('melts: melts must be a whole number');
    expect((await ingot({ massG: 1000 })).status).toBe(201);
  });

  it('treatments, alloys, pieces and measurements are bounded too, with plain messages', async () => {
    const { ribbon, pieces } = await newLineage(api, member, alloy.id, 1);
    const anneal = await api.request('POST', `/api/samples/${pieces[0].id}/treatments`, {
      token: member,
      body: { kind: 'ANNEAL', targetK: 1e308, heatingRateKPerMin: 20, holdMin: 5, atmosphere: 'Ar', cooling: 'water quench' },
    });
    expect(anneal.body).toMatchObject({ field: 'targetK', message: 'targetK: targetK must be between 1 and 2000 (K)' });
    const cryo = await api.request('POST', `/api/samples/${pieces[0].id}/treatments`, {
      token: member,
      body: { kind: 'CRYO_CYCLE', lowK: 77, highK: 293, cycles: 2.5, dwellLowS: 60, dwellHighS: 60 },
    });
    expect(cryo.body).toMatchObject({ field: 'cycles', message: 'cycles: cycles must be a whole number' });
    const cut = await api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token: member, body: { count: 501, lengthMm: 4, massMg: 1 } });
    expect(cut.body).toMatchObject({ field: 'count', message: 'count: count must be between 1 and 500 (pieces)' });
    const dense = await api.request('POST', '/api/alloys', {
      token: pi,
      body: { name: 'heavy', composition: { La: 75, Al: 25 }, densityGCm3: 1e308, tgK: 474, txK: 493 },
    });
    expect(dense.body).toMatchObject({ field: 'densityGCm3', message: 'densityGCm3: densityGCm3 must be between 0.1 and 30 (g/cm³)' });
    const m = await api.request('POST', '/api/measurements', {
      token: member,
      body: { sampleId: pieces[0].id, technique: 'MAGNETIC', instrument: 'virtual', conditions: { fieldOe: 20, demagN: 2 } },
    });
    expect(m.body).toMatchObject({ field: 'conditions.demagN', message: 'conditions.demagN: demagN must be between 0 and 1' });
  });

  it('no class-validator default wording: dates, strings, lists and unknown fields read plainly; "an INGOT"; "2 levels"', async () => {
    const date = await ingot({ performedAt: 'yesterday' });
    expect(date.status).toBe(400);
    expect(date.body.message).not.toMatch(/Date instance/);
    const name = await api.request('POST', '/api/alloys', {
      token: pi,
      body: { name: 42, composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 },
    });
    expect(name.body.message).toBe('name: name must be text');
    const unknown = await ingot({ colour: 'grey' });
    expect(unknown.body).toMatchObject({ field: 'colour', message: 'colour: colour is not a field of this request' });
    const { ingot: made, pieces } = await newLineage(api, member, alloy.id, 1);
    const cutIngot = await api.request('POST', `/api/samples/${made.id}/pieces`, { token: member, body: { count: 1, lengthMm: 4, massMg: 1 } });
    expect(cutIngot.status).toBe(422);
    expect(cutIngot.body.message).toBe(`sample ${made.code} is an INGOT; this step needs a RIBBON`);
    const spinPiece = await api.request('POST', `/api/samples/${pieces[0].id}/ribbons`, { token: member, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    expect(spinPiece.body.message).toBe(`sample ${pieces[0].code} is a PIECE; this step needs an INGOT`);
    const oneLevel = await api.request('POST', '/api/campaigns', {
      token: pi,
      body: {
        name: 'one level',
        alloyId: alloy.id,
        hypothesis: 'h',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0] },
        plannedTechniques: ['MAGNETIC'],
      },
    });
    expect(oneLevel.body).toMatchObject({ field: 'factor.levels', message: 'factor.levels: levels must hold at least 2 levels (0 is the untreated baseline)' });
  });

  it('a duplicate name is 409 naming the field; malformed JSON is 400 naming the body, the problem and its position', async () => {
    const dup = await api.request('POST', '/api/alloys', {
      token: pi,
      body: { name: alloy.name, composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('name');
    expect(dup.body.message).toContain('name');
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/alloys',
      headers: { authorization: `Bearer ${pi}`, 'content-type': 'application/json' },
      payload: '{"name": "x",\n "tgK": 4',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/^body: the body is not valid JSON: .* at position 23 \(line 2, column 10\)$/),
    });
    const nul = await ingot({ notes: 'a\u0000b' });
    expect(nul.body).toMatchObject({ field: 'notes', message: 'notes: notes must not contain control characters (found U+0000 at character 2)' });
    const proto = await api.app.inject({
      method: 'POST',
      url: '/api/samples/ingots',
      headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' },
      payload: `{"alloyId": "${alloy.id}", "massG": 5, "melts": 5, "purities": {"__proto__": {"admin": true}}}`,
    });
    expect(proto.statusCode).toBe(400);
    expect(JSON.parse(proto.body).field).toBe('purities.__proto__');
  });

  it('names refuse tab, line breaks, NUL and other control characters, in plain words naming the field; free text may span lines', async () => {
    const admin = await api.login();
    const alloyBody = { composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 };
    const campaign = (name: string) => ({
      name,
      alloyId: alloy.id,
      hypothesis: 'first line\nsecond line',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
      plannedTechniques: ['MAGNETIC'],
    });
    const seen: Record<string, unknown> = {};
    for (const [label, method, url, token, body] of [
      ['alloy, tab', 'POST', '/api/alloys', pi, { name: 'La75\tAl25', ...alloyBody }],
      ['alloy, line feed', 'POST', '/api/alloys', pi, { name: 'La75Al25\n', ...alloyBody }],
      ['campaign, carriage return', 'POST', '/api/campaigns', pi, campaign('anneal\rseries')],
      ['campaign, line separator', 'POST', '/api/campaigns', pi, campaign('anneal\u2028series')],
      ['user, tab', 'POST', '/api/users', admin, { email: 'tab@lab.example', name: 'Ana\tRuiz', role: 'MEMBER', password: 'long enough pass' }],
      ['token, line feed', 'POST', '/api/auth/tokens', member, { name: 'MPMS3\nscript' }],
      ['project, tab', 'POST', '/api/projects', admin, { name: 'La-Al\tglasses' }],
      [
        'measurement instrument, tab',
        'POST',
        '/api/measurements',
        member,
        { sampleId: alloy.id, technique: 'MAGNETIC', instrument: 'MPMS3\t', conditions: {} },
      ],
    ] as const) {
      const res = await api.request(method, url, { token, body });
      seen[label] = { status: res.status, field: res.body.field, message: res.body.message };
    }
    const expected = (field: string, what: string) => ({
      status: 400,
      field,
      message: `${field}: ${field} must be one line of visible text; it holds ${what}`,
    });
    expect(seen).toEqual({
      'alloy, tab': expected('name', 'a tab (U+0009) at character 5'),
      'alloy, line feed': expected('name', 'a line break (U+000A) at character 9'),
      'campaign, carriage return': expected('name', 'a line break (U+000D) at character 7'),
      'campaign, line separator': expected('name', 'a line break (U+2028) at character 7'),
      'user, tab': expected('name', 'a tab (U+0009) at character 4'),
      'token, line feed': expected('name', 'a line break (U+000A) at character 6'),
      'project, tab': expected('name', 'a tab (U+0009) at character 6'),
      'measurement instrument, tab': expected('instrument', 'a tab (U+0009) at character 6'),
    });
    // Renaming a user is checked the same way.
    const users = await api.request('GET', '/api/users', { token: admin });
    const someone = (users.body as { id: string }[])[0];
    const rename = await api.request('PATCH', `/api/users/${someone.id}`, { token: admin, body: { name: 'Ana\nRuiz' } });
    expect(rename.body).toMatchObject({ field: 'name', message: 'name: name must be one line of visible text; it holds a line break (U+000A) at character 4' });
    // Purities are short texts per element symbol, not any object up to the body limit.
    const longPurity = await ingot({ purities: { La: '9'.repeat(41) } });
    expect(longPurity.body).toMatchObject({ field: 'purities', message: expect.stringMatching(/^purities: purities must map at most 20 element symbols/) });
    const notAnElement = await ingot({ purities: { lanthanum: '99.9 %' } });
    expect(notAnElement.status).toBe(400);
    expect((await ingot({ purities: { La: '99.9 %', Al: '99.99 %' } })).status).toBe(201);
    // Free text keeps its lines; a non-Latin-1 name is a name.
    expect((await api.request('POST', '/api/campaigns', { token: pi, body: campaign('Отжиг 453 K · 測定') })).status).toBe(201);
  });
});
