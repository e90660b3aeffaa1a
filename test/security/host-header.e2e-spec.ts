import { randomUUID } from 'node:crypto';
import { loadEnv } from '../../src/config/env';
import { newAlloy } from '../factories/sample.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil-proxy.example', 'x-forwarded-proto': 'gopher' };

/**
 * Links the API builds for users never come from the request's Host header (issue 12): a client
 * that forges Host (or X-Forwarded-Host) would otherwise hand a PI a share link pointing at its
 * own server. Links are built on PUBLIC_URL, or are relative paths when it is unset.
 */
describe('links do not trust the Host header', () => {
  const shareAs = async (api: TestApi) => {
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    const alloyId = (await newAlloy(api, pi.token)).id as string;
    const campaign = await api.request('POST', '/api/campaigns', {
      token: pi.token,
      body: {
        name: `Host ${randomUUID()}`,
        alloyId,
        hypothesis: 'annealing lowers shielding',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
        plannedTechniques: ['MAGNETIC'],
      },
    });
    const link = await api.request('POST', `/api/campaigns/${campaign.body.id}/share`, { token: pi.token, body: { expiresInDays: 1 }, headers: FORGED });
    expect(link.status).toBe(201);
    const reset = await api.request('POST', `/api/users/${pi.id}/password-reset`, { token: admin, headers: FORGED });
    expect(reset.status).toBe(201);
    for (const body of [link.body, reset.body]) expect(JSON.stringify(body)).not.toMatch(/evil|gopher/);
    return link.body as { url: string; path: string };
  };

  it('builds share links on PUBLIC_URL whatever Host the request names, even behind a trusted proxy', async () => {
    const api = await TestApi.start({ PUBLIC_URL: 'https://vitrack.lab/', TRUST_PROXY: 'true' });
    try {
      const link = await shareAs(api);
      expect(link.url).toBe(`https://vitrack.lab${link.path}`);
    } finally {
      await api.close();
    }
  });

  it('without PUBLIC_URL the link is the path alone', async () => {
    const api = await TestApi.start();
    try {
      const link = await shareAs(api);
      expect(link.url).toBe(link.path);
      expect(link.url).toMatch(/^\/api\/shared\//);
    } finally {
      await api.close();
    }
  });

  it('refuses a PUBLIC_URL that is not an http(s) base, naming it', () => {
    for (const bad of ['javascript:alert(1)', 'vitrack.lab', 'https://vitrack.lab/?next=x', 'https://user@evil.example'])
      expect(() => loadEnv({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL/);
    expect(loadEnv({ PUBLIC_URL: 'https://vitrack.lab/lims/' }).PUBLIC_URL).toBe('https://vitrack.lab/lims');
    expect(loadEnv({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined();
  });
});
