import { randomUUID } from 'node:crypto';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newAlloy } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

/** Issue 12, finding 11: security headers on every response; file names that never give a 500. */
describe('security headers and file names', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let measurementId: string;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    member = (await newUser(api, admin, 'MEMBER')).token;
    const alloy = await newAlloy(api, pi.token, { densityGCm3: 5.9 });
    const ingot = await api.request('POST', '/api/samples/ingots', { token: member, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    const ribbon = await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: member, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    const pieces = await api.request('POST', `/api/samples/${ribbon.body.id}/pieces`, { token: member, body: { count: 1, lengthMm: 4, massMg: item.massMg } });
    measurementId = (await newMeasurement(api, member, pieces.body[0].id, 'MAGNETIC', { mode: 'ZFC' })).id;
  }, 60_000);
  afterAll(() => api?.close());

  it('every kind of response carries CSP with frame-ancestors, nosniff, X-Frame-Options and Referrer-Policy', async () => {
    const campaign = randomUUID();
    const seen: Record<string, unknown> = {};
    for (const [url, token] of [
      ['/health', undefined],
      ['/api/samples', undefined],
      ['/api/samples', admin],
      ['/docs', undefined],
      ['/docs-json', undefined],
      [`/api/campaigns/${campaign}/report.html`, admin],
      ['/admin/queues', undefined],
      ['/admin/queues', admin],
      ['/no/such/route', undefined],
    ] as const) {
      const res = await api.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      const h = res.headers;
      seen[url + (token ? ' (token)' : '')] = {
        csp: /frame-ancestors 'none'/.test(String(h['content-security-policy'])) && /default-src 'self'/.test(String(h['content-security-policy'])),
        nosniff: h['x-content-type-options'],
        frame: h['x-frame-options'],
        referrer: h['referrer-policy'],
      };
    }
    const expected = { csp: true, nosniff: 'nosniff', frame: 'DENY', referrer: 'no-referrer' };
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, expected])));
  });

  it('accepts non-Latin-1 and control characters in an uploaded file name and serves it back with an RFC 5987 name', async () => {
    for (const [sent, stored] of [
      ['Ω-ZFC файл 測定.dat', 'Ω-ZFC файл 測定.dat'],
      ['bad\u0001name\u007f\u0085.dat', 'badname.dat'],
      ["semi; evil=1 it's (1)*.dat", "semi; evil=1 it's (1)*.dat"],
    ]) {
      const up = await upload(api, member, measurementId, sent, item.zfc.text + `\n${randomUUID()}`);
      expect({ sent, status: up.status }).toEqual({ sent, status: 202 });
      const m = await api.request('GET', `/api/measurements/${measurementId}`, { token: member });
      expect(m.body.files.map((f: { fileName: string }) => f.fileName)).toContain(stored);
      const raw = await api.app.inject({ method: 'GET', url: `/api/files/${up.body.fileId}/raw`, headers: { authorization: `Bearer ${member}` } });
      expect({ sent, status: raw.statusCode }).toEqual({ sent, status: 200 });
      const disposition = String(raw.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe(stored);
    }
  });
});
