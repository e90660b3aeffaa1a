import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { ApiProcess } from '../setup/api-process';

/** A GET of exactly `path` (fetch would normalise dot segments away before sending). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `s` with every character percent-encoded. */
const encodeAll = (s: string) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/**
 * A share link's secret never reaches a log line (issue 12, finding 4): the real API process at
 * LOG_LEVEL=debug is sent its share links under every spelling a client or the router might use
 * (percent-encoded, doubled slashes, other case, dot segments, in a query string, in a Referer,
 * revoked, on the queue dashboard), and its whole output is searched for the HMAC part of each.
 */
describe('share links in the log', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await ApiProcess.start({
      JWT_SECRET: randomBytes(48).toString('base64'),
      LOG_LEVEL: 'debug',
      ADMIN_EMAIL: 'root@test.local',
      ADMIN_PASSWORD: 'root-password-1',
    });
  });
  afterAll(() => api?.stop());

  it('holds no share secret, however the link was spelled', async () => {
    const admin = (await api.request('POST', '/api/auth/login', { body: { email: 'root@test.local', password: 'root-password-1' } })).body
      .accessToken as string;
    const alloy = await api.request('POST', '/api/alloys', {
      token: admin,
      body: { name: `La75Al25-${randomUUID()}`, composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 },
    });
    const campaign = await api.request('POST', '/api/campaigns', {
      token: admin,
      body: {
        name: `Logs ${randomUUID()}`,
        alloyId: alloy.body.id,
        hypothesis: 'annealing lowers shielding',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
        plannedTechniques: ['MAGNETIC'],
      },
    });
    const share = async () => (await api.request('POST', `/api/campaigns/${campaign.body.id}/share`, { token: admin, body: { expiresInDays: 1 } })).body;
    const link = await share();
    const revoked = await share();
    expect((await api.request('DELETE', `/api/campaigns/${campaign.body.id}/share/${revoked.id}`, { token: admin })).status).toBe(204);
    const token = link.token as string;
    const [id, mac] = token.split('.');

    const spellings = [
      `/api/shared/${token}/report`,
      `/api/shared/${token}/report.html`,
      `/api/shared/${token}/report?utm=1&token=${token}`,
      `/api/shared/${token}/report.csv`,
      `//api//shared//${token}/report`,
      `/API/Shared/${token}/report`,
      `/%61pi/%73hared/${token}/report`,
      `/api/shared/${id}%2E${mac}/report`,
      `/api/shared/${id}.${encodeAll(mac.slice(0, 6))}${mac.slice(6)}/report`,
      `/api/shared/${encodeAll(token)}/report`,
      `/api/./shared/${token}/report`,
      `/x/../api/shared/${token}/report`,
      `/api/shared/${token};jsessionid=1/report`,
      `/api/shared/${revoked.token}/report.html`,
      `/admin/queues?next=/api/shared/${token}/report.html`,
      `/api/campaigns/${campaign.body.id}?from=${encodeURIComponent(`https://vitrack.lab/api/shared/${token}/report.html`)}`,
    ];
    const statuses: number[] = [];
    for (const path of spellings) statuses.push(await rawGet(api.port, path, path.startsWith('/api/campaigns') ? { authorization: `Bearer ${admin}` } : {}));
    // The plain spellings open the report, so the log really saw them.
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses[13]).toBe(404);
    // A page opened from the shared report sends it as the Referer (browsers that ignore Referrer-Policy).
    for (const referer of [`http://vitrack.lab/api/shared/${token}/report.html`, `http://vitrack.lab/api/shared/${encodeAll(token)}/report.html`])
      expect(await rawGet(api.port, '/api/techniques', { authorization: `Bearer ${admin}`, referer })).toBe(200);

    await api.stop();
    const log = api.log;
    expect(log).toContain('/api/shared/[Redacted]/report');
    const secrets = { mac, revokedMac: revoked.token.split('.')[1], encodedMacStart: encodeAll(mac.slice(0, 6)), encodedToken: encodeAll(token) };
    expect(Object.fromEntries(Object.entries(secrets).map(([name, s]) => [name, log.split(s).length - 1]))).toEqual({
      mac: 0,
      revokedMac: 0,
      encodedMacStart: 0,
      encodedToken: 0,
    });
  });
});
