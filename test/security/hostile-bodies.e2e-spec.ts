import { newAlloy, newLineage } from '../factories/sample.factory';
import { newMeasurement } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

/** Nested `depth` levels deep: {a: {a: … 1}}. */
const nested = (depth: number): unknown => (depth === 0 ? '99.9 %' : { a: nested(depth - 1) });

/** Bodies no route should accept, nor answer with a 500. */
const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'hello'],
  ['an array', [1, 2, 3]],
  ['an empty object', {}],
  ['__proto__ pollution', JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}')],
  ['kind toString', { kind: 'toString' }],
  ['kind __proto__', { kind: '__proto__' }],
  ['kind constructor', { kind: 'constructor' }],
  ['every field an object', { name: {}, alloyId: {}, massG: {}, count: {}, sampleId: {}, level: {}, kind: {}, email: {}, password: {} }],
  [
    'every field an array',
    { name: ['a', 'b'], alloyId: ['x'], massG: [1], count: [1], sampleId: ['x'], level: [1], kind: ['ANNEAL'], email: ['x'], password: ['y'] },
  ],
  ['huge numbers', { massG: 1e308, count: 1e308, level: 1e308, melts: 1e308, targetK: 1e308, lengthMm: 1e308, massMg: 1e308, densityGCm3: 1e308 }],
  ['negative numbers', { massG: -1, count: -1, level: -1, melts: -1, lengthMm: -1, massMg: -1 }],
  ['numbers as strings', { massG: '5', count: '2', level: '0', melts: '5' }],
  ['NUL in text', { name: 'a\u0000b', email: 'a\u0000@x.y', password: 'p\u0000', hypothesis: 'h\u0000', instrument: 'i\u0000' }],
  ['year 10000', { performedAt: '+010000-01-01T00:00:00Z', massG: 5, melts: 5 }],
  ['deeply nested purities', { massG: 5, melts: 5, purities: nested(200) }],
  ['deeply nested conditions', { technique: 'MAGNETIC', instrument: 'x', conditions: nested(200) }],
];

/** Issue 11 item 7: every POST route answers hostile bodies with a 4xx naming a field, never a 500. */
describe('hostile bodies and query strings', () => {
  let api: TestApi;
  let admin: string;
  let routes: string[];
  let campaignId: string;
  let pieceId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    const alloy = await newAlloy(api, pi.token);
    const { ingot, ribbon, pieces } = await newLineage(api, admin, alloy.id, 1);
    const m = await newMeasurement(api, admin, pieces[0].id, 'MAGNETIC', { mode: 'ZFC', fieldOe: 20 });
    const campaign = await api.request('POST', '/api/campaigns', {
      token: pi.token,
      body: {
        name: 'hostile',
        alloyId: alloy.id,
        hypothesis: 'h',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
        plannedTechniques: ['MAGNETIC'],
      },
    });
    campaignId = campaign.body.id;
    pieceId = pieces[0].id;
    routes = [
      '/api/auth/login',
      '/api/auth/setup',
      '/api/auth/tokens',
      '/api/users',
      '/api/alloys',
      '/api/samples/ingots',
      `/api/samples/${ingot.id}/ribbons`,
      `/api/samples/${ribbon.id}/pieces`,
      `/api/samples/${pieces[0].id}/treatments`,
      '/api/measurements',
      '/api/analyses/rerun',
      '/api/campaigns',
      `/api/campaigns/${campaign.body.id}/assignments`,
      '/api/uploads/match',
      `/api/measurements/${m.id}/files`,
    ];
  });
  afterAll(async () => {
    await api?.close();
  });

  it('every POST route: 4xx naming a field (or the body), never a 500', async () => {
    const problems: string[] = [];
    for (const url of routes) {
      for (const [label, body] of HOSTILE) {
        const res = await api.app.inject({
          method: 'POST',
          url,
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        const parsed = JSON.parse(res.body || '{}');
        // A rerun with no filter is a valid request (every outdated file), so an empty body is accepted there.
        if (url === '/api/analyses/rerun' && (body === null || label === 'an empty object')) continue;
        if (res.statusCode >= 500 || res.statusCode < 400) problems.push(`${url} ${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode !== 401 && res.statusCode !== 429 && typeof parsed.field !== 'string')
          problems.push(`${url} ${label}: ${res.statusCode} names no field: ${res.body.slice(0, 200)}`);
        else if (/conforming to the specified constraints|must be a Date instance|an unknown value was passed/.test(String(parsed.message)))
          problems.push(`${url} ${label}: class-validator default message: ${parsed.message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('malformed JSON is 400 naming the problem and its position', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/alloys',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: '{"name": "x", "tgK": 4',
    });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.field).toBe('body');
    expect(body.message).toMatch(/JSON/);
    expect(body.message).toMatch(/position \d+/);
  });

  it('repeated query parameters are 400 naming the parameter on every list route, never a 500 nor one of the values taken', async () => {
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [url, name] of [
      ['/api/samples?kind=PIECE&kind=RIBBON', 'kind'],
      ['/api/samples?codePrefix=a&codePrefix=b', 'codePrefix'],
      ['/api/samples?limit=1&limit=2', 'limit'],
      ['/api/samples?alloyId=x&alloyId=y&alloyId=z', 'alloyId'],
      ['/api/samples?kind=PIECE&limit=5&limit=5', 'limit'],
      ['/api/audit?entityId=a&entityId=b', 'entityId'],
      ['/api/audit?limit=1&limit=2', 'limit'],
      [`/api/campaigns/${campaignId}/candidates?limit=1&limit=2`, 'limit'],
      [`/api/campaigns/${campaignId}/candidates?codePrefix=I&codePrefix=J`, 'codePrefix'],
      ['/api/campaigns?limit=1&limit=2', 'limit'],
      ['/api/alloys?limit=1&limit=2', 'limit'],
      ['/api/users?limit=1&limit=2', 'limit'],
      ['/api/auth/tokens?limit=1&limit=2', 'limit'],
      [`/api/samples/${pieceId}/measurements?limit=1&limit=2`, 'limit'],
      ['/api/events?measurementId=a&measurementId=b', 'measurementId'],
      ['/api/analyses/00000000-0000-4000-8000-000000000000?curves=true&curves=false', 'curves'],
    ]) {
      const res = await api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin}` } });
      const body = JSON.parse(res.body) as { field?: string; message?: string };
      seen[url] = { status: res.statusCode, field: body.field, message: body.message };
      expected[url] = { status: 400, field: name, message: expect.stringMatching(new RegExp(`^${name}: ${name} was given [23] times; give it once$`)) };
    }
    expect(seen).toEqual(expected);
  });

  it('a parameter given once still works', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/samples?kind=PIECE&limit=1', headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).items).toHaveLength(1);
  });
});
