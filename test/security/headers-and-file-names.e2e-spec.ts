import { randomUUID } from 'node:crypto';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

/** Issue 12, finding 11: security headers on every response; file names that never give a 500. */
describe('security headers and file names', () => {
  let lab: TestLab;
  let api: TestApi;
  let admin: string;
  let member: string;
  let measurementId: string;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    lab = await startTestLab('headers');
    ({ api, adminToken: admin } = lab);
    member = lab.member.token;
    const { pieces } = await newLineage(api, member, lab.alloy.id, 1, { massMg: item.massMg });
    measurementId = (await newMeasurement(api, member, pieces[0].id, 'MAGNETIC', { mode: 'ZFC' })).id;
  });
  afterAll(() => lab?.close());

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

  it('accepts non-Latin-1 file names and serves them back with an RFC 5987 name', async () => {
    for (const [sent, stored] of [
      ['Ω-ZFC файл 測定.dat', 'Ω-ZFC файл 測定.dat'],
      ["semi; evil=1 it's (1)*.dat", "semi; evil=1 it's (1)*.dat"],
      ['  spaced out.dat  ', 'spaced out.dat'],
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

  it('refuses a file name holding NUL, a tab, a line break or another control character: 400 naming filename, nothing stored', async () => {
    /** The multipart part's name as RFC 5987 `filename*` (percent-encoded UTF-8), the only way a client can send a line break in it. */
    const encodedName = (name: string, content: string) => {
      const boundary = `----vitrack${randomUUID()}`;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/octet-stream\r\n\r\n`;
      return api.app.inject({
        method: 'POST',
        url: `/api/measurements/${measurementId}/files`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${member}` },
        payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
    };
    const pick = (b: { field?: string; message?: string }) => ({ field: b.field, message: b.message });
    const before = (await api.request('GET', `/api/measurements/${measurementId}`, { token: member })).body.files.length;
    const seen: Record<string, unknown> = {};
    for (const [label, name, what] of [
      ['raw U+0001', 'bad\u0001name.dat', 'a control character (U+0001) at character 4'],
      ['raw tab', 'ZFC\t20Oe.dat', 'a tab (U+0009) at character 4'],
      ['raw DEL', 'name\u007f.dat', 'a control character (U+007F) at character 5'],
      ['raw U+0085', 'name\u0085.dat', 'a control character (U+0085) at character 5'],
    ]) {
      const up = await upload(api, member, measurementId, name, item.zfc.text + `\n${randomUUID()}`);
      seen[label] = { status: up.status, field: up.body.field, message: up.body.message };
      seen[`${label} (expected)`] = {
        status: 400,
        field: 'filename',
        message: `filename: the file name must be one line of visible text; it holds ${what}: rename the file and send it again`,
      };
    }
    const encodedNul = await encodedName('a\u0000b.dat', `${item.zfc.text.slice(0, 2000)}\n${randomUUID()}`);
    seen['encoded NUL'] = { status: encodedNul.statusCode, ...pick(JSON.parse(encodedNul.body)) };
    seen['encoded NUL (expected)'] = {
      status: 400,
      field: 'filename',
      message: 'filename: the file name must be one line of visible text; it holds a NUL (U+0000) at character 2: rename the file and send it again',
    };
    // A line break in the name makes the multipart parser drop the whole part, so the answer can only say so.
    // (Small bodies: a dropped part over 64 kB stalls the parser until the request timeout, as the README says.)
    for (const [label, name] of [
      ['encoded line feed', 'ZFC\n20Oe.dat'],
      ['encoded carriage return', 'ZFC\r.dat'],
    ]) {
      const res = await encodedName(name, `${item.zfc.text.slice(0, 2000)}\n${randomUUID()}`);
      seen[label] = { status: res.statusCode, ...pick(JSON.parse(res.body)) };
      seen[`${label} (expected)`] = {
        status: 400,
        field: 'file',
        message: 'file: the multipart field "file" is missing (a file whose name holds a line break is dropped as unreadable: rename it)',
      };
    }
    const pairs = Object.keys(seen).filter((k) => !k.endsWith('(expected)'));
    expect(Object.fromEntries(pairs.map((k) => [k, seen[k]]))).toEqual(Object.fromEntries(pairs.map((k) => [k, seen[`${k} (expected)`]])));
    expect((await api.request('GET', `/api/measurements/${measurementId}`, { token: member })).body.files).toHaveLength(before);
    // The same name, percent-encoded but clean, is accepted: the refusal is about the characters, not the encoding.
    expect((await encodedName('Ω clean.dat', `${item.zfc.text}\n${randomUUID()}`)).statusCode).toBe(202);
  });
});
