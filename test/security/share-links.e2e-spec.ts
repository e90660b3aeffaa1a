import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { redactUrl } from '../../src/infra/log-redaction';
import { addMember, defaultProjectId } from '../factories/project.factory';
import { newAlloy } from '../factories/sample.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

/**
 * A PI shares one campaign's report without sharing an account (issue 12, finding 4): a signed,
 * expiring, revocable, read-only link that opens that report (JSON and HTML) and nothing else.
 */
describe('report share links', () => {
  let api: TestApi;
  let pi: { id: string; token: string };
  let member: { token: string };
  let campaignId: string;
  let otherCampaignId: string;
  let alloyId: string;
  let admin: string;

  const newCampaign = async (token = pi.token) =>
    (
      await api.request('POST', '/api/campaigns', {
        token,
        body: {
          name: `Share ${randomUUID()}`,
          alloyId,
          hypothesis: 'annealing lowers shielding',
          factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] },
          plannedTechniques: ['MAGNETIC'],
        },
      })
    ).body.id as string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.login();
    pi = await newUser(api, admin, 'PI');
    member = await newUser(api, admin, 'MEMBER');
    alloyId = (await newAlloy(api, pi.token)).id;
    campaignId = await newCampaign();
    otherCampaignId = await newCampaign();
  });
  afterAll(() => api?.close());

  const share = (id: string, body: object, token = pi.token) => api.request('POST', `/api/campaigns/${id}/share`, { token, body });

  it('a PI makes a link of at most 30 days; a MEMBER may not; the length is checked', async () => {
    expect((await share(campaignId, { expiresInDays: 7 }, member.token)).status).toBe(403);
    expect((await share(campaignId, { expiresInDays: 31 })).body.field).toBe('expiresInDays');
    expect((await share(campaignId, { expiresInDays: 0 })).status).toBe(400);
    expect((await share(randomUUID(), { expiresInDays: 7 })).status).toBe(404);
    const link = await share(campaignId, { expiresInDays: 7 });
    expect(link.status).toBe(201);
    // Without PUBLIC_URL the link is the path alone (test/security/host-header.e2e-spec.ts has the rest).
    expect(link.body.url).toMatch(new RegExp(`^/api/shared/${link.body.id}\\.[A-Za-z0-9_-]{43}/report\\.html$`));
    const days = (Date.parse(link.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('the link opens that report as HTML and JSON with no account, and nothing else', async () => {
    const { path, token } = (await share(campaignId, { expiresInDays: 1 })).body;
    const html = await api.request('GET', path);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['cache-control']).toBe('no-store');
    const json = await api.request('GET', `/api/shared/${token}/report`);
    expect(json.status).toBe(200);
    expect(json.body.campaign.id).toBe(campaignId);
    const transitions = await api.request('GET', `/api/shared/${token}/report/transitions`);
    expect(transitions.status).toBe(200);
    expect(transitions.headers['cache-control']).toBe('no-store');
    expect(transitions.body).toEqual((await api.request('GET', `/api/campaigns/${campaignId}/report/transitions`, { token: pi.token })).body);
    // Not another campaign's report, not a CSV or SVG, not the API: the token is no credential.
    const [id] = token.split('.');
    expect((await api.request('GET', `/api/shared/${token}/report.csv`)).status).toBe(404);
    expect((await api.request('GET', `/api/campaigns/${campaignId}/report`, { token })).status).toBe(401);
    expect((await api.request('GET', `/api/campaigns/${campaignId}/report`, { headers: { cookie: `vitrack_session=${token}` } })).status).toBe(401);
    expect((await api.request('GET', `/api/shared/${id}.${'A'.repeat(43)}/report`)).status).toBe(404);
    expect((await api.request('GET', `/api/shared/${randomUUID()}.${token.split('.')[1]}/report`)).status).toBe(404);
    const other = (await share(otherCampaignId, { expiresInDays: 1 })).body.token;
    expect((await api.request('GET', `/api/shared/${other}/report`)).body.campaign.id).toBe(otherCampaignId);
    // The secret path never reaches a log line.
    expect(redactUrl(`/api/shared/${token}/report.html`)).toBe('/api/shared/[Redacted]/report.html');
  });

  it('a revoked or expired link is 404; the PI lists the links without their secrets', async () => {
    const link = (await share(campaignId, { expiresInDays: 3 })).body;
    expect((await api.request('GET', `/api/shared/${link.token}/report`)).status).toBe(200);
    const listed = await api.request('GET', `/api/campaigns/${campaignId}/share`, { token: pi.token });
    expect(listed.body.map((l: { id: string }) => l.id)).toContain(link.id);
    expect(JSON.stringify(listed.body)).not.toContain(link.token.split('.')[1]);
    expect((await api.request('DELETE', `/api/campaigns/${campaignId}/share/${link.id}`, { token: member.token })).status).toBe(403);
    expect((await api.request('DELETE', `/api/campaigns/${otherCampaignId}/share/${link.id}`, { token: pi.token })).status).toBe(404);
    expect((await api.request('DELETE', `/api/campaigns/${campaignId}/share/${link.id}`, { token: pi.token })).status).toBe(204);
    const revoked = await api.request('GET', `/api/shared/${link.token}/report.html`);
    expect(revoked.status).toBe(404);
    expect(revoked.body.field).toBe('token');
    expect((await api.request('GET', `/api/shared/${link.token}/report/transitions`)).status).toBe(404);

    const later = (await share(campaignId, { expiresInDays: 1 })).body;
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    await db.query(`UPDATE share_links SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [later.id]);
    await db.end();
    expect((await api.request('GET', `/api/shared/${later.token}/report`)).status).toBe(404);
    expect((await api.request('GET', `/api/shared/${later.token}/report/transitions`)).status).toBe(404);
  });

  it("a link stops working when its creator loses the right to make it: demoted, removed from the project or disabled (an ADMIN's keeps working)", async () => {
    const project = await defaultProjectId(api, admin);
    const opens = async (token: string) => (await api.request('GET', `/api/shared/${token}/report`)).status;
    const linkBy = async (token: string) => (await share(await newCampaign(token), { expiresInDays: 7 }, token)).body.token as string;
    const [demoted, lowered, removed, disabled] = await Promise.all([1, 2, 3, 4].map(() => newUser(api, admin, 'PI')));
    const links = {
      demoted: await linkBy(demoted.token),
      lowered: await linkBy(lowered.token),
      removed: await linkBy(removed.token),
      disabled: await linkBy(disabled.token),
      admin: (await share(campaignId, { expiresInDays: 7 }, admin)).body.token as string,
    };
    expect(await Promise.all(Object.values(links).map(opens))).toEqual([200, 200, 200, 200, 200]);

    const patch = (id: string, body: object) => api.request('PATCH', `/api/users/${id}`, { token: admin, body });
    expect((await patch(demoted.id, { role: 'MEMBER' })).status).toBe(200);
    await addMember(api, admin, lowered.id, 'MEMBER', project);
    expect((await api.request('DELETE', `/api/projects/${project}/members/${removed.id}`, { token: admin })).status).toBe(204);
    expect((await patch(disabled.id, { disabled: true })).status).toBe(200);
    expect(await Promise.all(Object.values(links).map(opens))).toEqual([404, 404, 404, 404, 200]);

    // The right is read when the link is used: the PI role given back brings back the unexpired link.
    await addMember(api, admin, lowered.id, 'PI', project);
    expect(await opens(links.lowered)).toBe(200);
  });
});
