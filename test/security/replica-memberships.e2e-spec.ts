import { randomBytes } from 'node:crypto';
import { LA75AL25 } from '../factories/sample.factory';
import { ApiProcess } from '../setup/api-process';

/**
 * Access changes hold across API replicas (issue 12, findings 2 and 7): two API processes on one
 * database and Redis, each caching memberships for a minute (AUTH_USER_CACHE_MS at its maximum).
 * A project role lowered, a global demotion to MEMBER or a removal made through replica A is
 * refused by replica B on the next requests: B is told over Redis and forgets its cached copy.
 * Only that message can do it within the poll's bound, five seconds against B's one-minute cache.
 */
jest.setTimeout(240_000);

describe('membership changes reach every API replica at once', () => {
  const ADMIN = { email: 'admin@replicas.test', password: 'admin-password-1' };
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    const env = { AUTH_USER_CACHE_MS: '60000', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
    a = await ApiProcess.start(env);
    // B shares A's database, Redis and queue prefix (so its channels too), as replicas do; started after A, which made the admin.
    b = await ApiProcess.start({ ...env, DATABASE_URL: a.databaseUrl, QUEUE_PREFIX: a.queuePrefix });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  /** The body of a request that must answer `status`. */
  const ok = async (api: ApiProcess, method: string, path: string, status: number, opts: { token?: string; body?: unknown } = {}) => {
    const res = await api.request(method, path, opts);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** B's statuses for `path` until they are `want`, polled every 50 ms for at most 5 s; the last ones seen. */
  const onB = async (path: string, token: string, want: number): Promise<number> => {
    let status = 0;
    for (let i = 0; i < 100; i++) {
      status = (await b.request('GET', path, { token })).status;
      if (status === want) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return status;
  };

  it('a lowered project role, a global demotion and a removal made on A are refused by B', async () => {
    const admin = (await ok(a, 'POST', '/api/auth/login', 200, { body: ADMIN })).accessToken as string;
    const project = await ok(a, 'POST', '/api/projects', 201, { token: admin, body: { name: `Replicas ${randomBytes(3).toString('hex')}` } });
    const pi = { email: `pi-${randomBytes(3).toString('hex')}@test.local`, name: 'Test PI', role: 'PI', password: 'password-123' };
    const user = await ok(a, 'POST', '/api/users', 201, { token: admin, body: pi });
    const setRole = (role: 'PI' | 'MEMBER') => ok(a, 'POST', `/api/projects/${project.id}/members`, 200, { token: admin, body: { userId: user.id, role } });
    await setRole('PI');
    const jwt = (await ok(a, 'POST', '/api/auth/login', 200, { body: { email: pi.email, password: pi.password } })).accessToken as string;
    const apiToken = (await ok(a, 'POST', '/api/auth/tokens', 201, { token: jwt, body: { name: 'script', scope: 'full' } })).token as string;
    const alloy = await ok(a, 'POST', '/api/alloys', 201, { token: jwt, body: { ...LA75AL25, name: `La75Al25-${randomBytes(3).toString('hex')}` } });
    const campaign = await ok(a, 'POST', '/api/campaigns', 201, {
      token: jwt,
      body: {
        name: 'replicas',
        alloyId: alloy.id,
        projectId: project.id,
        hypothesis: 'annealing lowers shielding',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
        plannedTechniques: ['MAGNETIC'],
      },
    });
    // Listing a campaign's share links needs the PI role in its project: 200 for a PI, 403 for a MEMBER.
    const piOnly = `/api/campaigns/${campaign.id}/share`;

    // B caches the user's memberships (both credentials are the same user's).
    expect([(await b.request('GET', piOnly, { token: jwt })).status, (await b.request('GET', piOnly, { token: apiToken })).status]).toEqual([200, 200]);

    await setRole('MEMBER');
    expect(await onB(piOnly, jwt, 403)).toBe(403);
    await setRole('PI');
    expect(await onB(piOnly, apiToken, 200)).toBe(200);

    // A global demotion to MEMBER lowers the project role too (and ends the login: the API token shows the rest).
    await ok(a, 'PATCH', `/api/users/${user.id}`, 200, { token: admin, body: { role: 'MEMBER' } });
    expect(await onB(piOnly, apiToken, 403)).toBe(403);
    const members = await ok(b, 'GET', `/api/projects/${project.id}/members`, 200, { token: admin });
    expect(members.find((m: { userId: string }) => m.userId === user.id).role).toBe('MEMBER');

    expect((await b.request('GET', `/api/campaigns/${campaign.id}`, { token: apiToken })).status).toBe(200);
    await ok(a, 'DELETE', `/api/projects/${project.id}/members/${user.id}`, 204, { token: admin });
    expect(await onB(`/api/campaigns/${campaign.id}`, apiToken, 404)).toBe(404);
  });
});
