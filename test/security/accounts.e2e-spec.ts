import { newUser } from '../factories/user.factory';
import { ADMIN, TestApi } from '../setup/test-api';

/**
 * Accounts an administrator manages and users keep (issue 12, finding 3): roles and disabling
 * with the last administrator protected, a user's own password change that ends their other
 * sessions, an administrator's one-time reset, and logout. AUTH_USER_CACHE_MS=0 so "at once"
 * means the very next request.
 */
describe('accounts: roles, disabling, passwords, logout', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start({ AUTH_USER_CACHE_MS: '0' });
    admin = await api.login();
  });
  afterAll(() => api?.close());

  const adminId = async () => (await api.request('GET', '/api/auth/me', { token: admin })).body.id as string;

  it('an ADMIN changes a role and a name; a MEMBER or PI may not; an empty or unknown change is 400 naming the field', async () => {
    const member = await newUser(api, admin, 'MEMBER');
    const pi = await newUser(api, admin, 'PI');
    const res = await api.request('PATCH', `/api/users/${member.id}`, { token: admin, body: { role: 'PI', name: 'Ana Ruiz' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: member.id, role: 'PI', name: 'Ana Ruiz', disabled: false });
    // The role change ended the sessions made under the old role; a new login carries the new role.
    expect((await api.request('POST', '/api/alloys', { token: member.token, body: {} })).status).toBe(401);
    expect((await api.request('POST', '/api/alloys', { token: await api.login(member.email, 'password-123'), body: {} })).status).toBe(400);
    expect((await api.request('PATCH', `/api/users/${member.id}`, { token: pi.token, body: { role: 'ADMIN' } })).status).toBe(403);
    const empty = await api.request('PATCH', `/api/users/${member.id}`, { token: admin, body: {} });
    expect(empty.status).toBe(400);
    expect((await api.request('PATCH', `/api/users/${member.id}`, { token: admin, body: { role: 'KING' } })).body.field).toBe('role');
    expect((await api.request('PATCH', `/api/users/00000000-0000-4000-8000-000000000000`, { token: admin, body: { name: 'x' } })).status).toBe(404);
  });

  it('the last active administrator can be neither demoted nor disabled (409); with a second one, either can go', async () => {
    const me = await adminId();
    const demote = await api.request('PATCH', `/api/users/${me}`, { token: admin, body: { role: 'PI' } });
    expect(demote.status).toBe(409);
    expect(demote.body.field).toBe('role');
    expect((await api.request('PATCH', `/api/users/${me}`, { token: admin, body: { disabled: true } })).status).toBe(409);
    const second = await newUser(api, admin, 'ADMIN');
    // A disabled admin does not count as the one who remains.
    expect((await api.request('PATCH', `/api/users/${second.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await api.request('PATCH', `/api/users/${me}`, { token: admin, body: { role: 'PI' } })).status).toBe(409);
    expect((await api.request('PATCH', `/api/users/${second.id}`, { token: admin, body: { disabled: false } })).status).toBe(200);
    expect((await api.request('PATCH', `/api/users/${second.id}`, { token: admin, body: { role: 'MEMBER' } })).status).toBe(200);
    const users = (await api.request('GET', '/api/users', { token: admin })).body as { role: string; disabled: boolean }[];
    expect(users.filter((u) => u.role === 'ADMIN' && !u.disabled)).toHaveLength(1);
  });

  it("a disabled user's login token and API tokens stop working at once, and they cannot sign in; enabling restores the API tokens", async () => {
    const member = await newUser(api, admin, 'MEMBER');
    const apiToken = (await api.request('POST', '/api/auth/tokens', { token: member.token, body: { name: 'script' } })).body.token;
    expect((await api.request('GET', '/api/samples', { token: apiToken })).status).toBe(200);
    expect((await api.request('PATCH', `/api/users/${member.id}`, { token: admin, body: { disabled: true } })).body.disabled).toBe(true);
    expect((await api.request('GET', '/api/samples', { token: member.token })).status).toBe(401);
    expect((await api.request('GET', '/api/samples', { token: apiToken })).status).toBe(401);
    const login = await api.request('POST', '/api/auth/login', { body: { email: member.email, password: 'password-123' } });
    expect(login.status).toBe(401);
    expect(login.body.message).toContain('disabled');
    await api.request('PATCH', `/api/users/${member.id}`, { token: admin, body: { disabled: false } });
    // Disabling ended the sessions for good; the API tokens were only suspended.
    expect((await api.request('GET', '/api/samples', { token: member.token })).status).toBe(401);
    expect((await api.request('GET', '/api/samples', { token: apiToken })).status).toBe(200);
  });

  it('a user changes their own password: the current one is checked, weak ones refused, other sessions end', async () => {
    const member = await newUser(api, admin, 'MEMBER');
    const other = await api.login(member.email, 'password-123');
    const change = (body: object) => api.request('POST', '/api/users/me/password', { token: member.token, body });
    const wrong = await change({ currentPassword: 'nope', newPassword: 'a-long-new-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.field).toBe('currentPassword');
    const short = await change({ currentPassword: 'password-123', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.field).toBe('newPassword');
    expect((await change({ currentPassword: 'password-123', newPassword: member.email.toUpperCase() })).status).toBe(400);
    expect((await change({ currentPassword: 'password-123', newPassword: 'a-long-new-password' })).status).toBe(204);
    expect((await api.request('GET', '/api/samples', { token: member.token })).status).toBe(200);
    expect((await api.request('GET', '/api/samples', { token: other })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { email: member.email, password: 'password-123' } })).status).toBe(401);
    await api.login(member.email, 'a-long-new-password');
  });

  it("an administrator's password reset is shown once, works once, expires, and ends the user's sessions", async () => {
    const member = await newUser(api, admin, 'MEMBER');
    expect((await api.request('POST', `/api/users/${member.id}/password-reset`, { token: member.token })).status).toBe(403);
    const first = await api.request('POST', `/api/users/${member.id}/password-reset`, { token: admin });
    const issued = await api.request('POST', `/api/users/${member.id}/password-reset`, { token: admin });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^vr_[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(issued.body.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // The old password still works until the reset is redeemed.
    await api.login(member.email, 'password-123');
    // A newer reset voids the earlier one.
    expect((await api.request('POST', '/api/auth/password-reset', { body: { token: first.body.token, newPassword: 'reset-password-1' } })).status).toBe(401);
    const redeemed = await api.request('POST', '/api/auth/password-reset', { body: { token: issued.body.token, newPassword: 'reset-password-1' } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.email).toBe(member.email);
    expect((await api.request('POST', '/api/auth/password-reset', { body: { token: issued.body.token, newPassword: 'reset-password-2' } })).status).toBe(401);
    expect((await api.request('GET', '/api/samples', { token: member.token })).status).toBe(401);
    await api.login(member.email, 'reset-password-1');
    const expired = await api.request('POST', `/api/users/${member.id}/password-reset`, { token: admin });
    const { Client } = await import('pg');
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    await db.query(`UPDATE password_resets SET "expiresAt" = now() - interval '1 second' WHERE "usedAt" IS NULL`);
    await db.end();
    expect((await api.request('POST', '/api/auth/password-reset', { body: { token: expired.body.token, newPassword: 'reset-password-3' } })).status).toBe(401);
  });

  it('logout ends that session only; the same user signed in elsewhere stays signed in', async () => {
    const a = await api.login();
    const b = await api.login(ADMIN.email, ADMIN.password);
    const out = await api.request('POST', '/api/auth/logout', { token: a });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await api.request('GET', '/api/samples', { token: a })).status).toBe(401);
    expect((await api.request('GET', '/api/samples', { token: b })).status).toBe(200);
    expect((await api.request('POST', '/api/auth/logout')).status).toBe(401);
  });
});
