import { randomUUID } from 'node:crypto';
import { sessionCookies } from '../../src/modules/auth/session-cookie';
import { newUser } from '../factories/user.factory';
import { ADMIN, TestApi } from '../setup/test-api';

/**
 * The browser's session (issue 12, finding 4): an httpOnly SameSite cookie set by login, CSRF
 * protection on every state-changing request that the cookie carries (bearer requests are
 * exempt), no tokens in query strings, logout that revokes the session, and the queue dashboard
 * reachable with the cookie.
 */
describe('session cookie and CSRF', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ AUTH_USER_CACHE_MS: '0' });
  });
  afterAll(() => api?.close());

  /** Logs in and returns the Cookie header value a browser would send, and the CSRF token. */
  async function browserLogin(email = ADMIN.email, password = ADMIN.password) {
    const res = await api.request('POST', '/api/auth/login', { body: { email, password } });
    expect(res.status).toBe(200);
    const setCookie = res.headers['set-cookie'] as string[];
    const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: res.body.csrfToken as string, setCookie, body: res.body };
  }

  it('login sets an httpOnly, SameSite=Lax session cookie and a readable CSRF cookie bound to the session', async () => {
    const { setCookie, csrf, body } = await browserLogin();
    const session = setCookie.find((c) => c.startsWith('vitrack_session='))!;
    const csrfCookie = setCookie.find((c) => c.startsWith('vitrack_csrf='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; Max-Age=43200/);
    expect(csrfCookie).not.toMatch(/HttpOnly/);
    expect(csrfCookie).toContain(`vitrack_csrf=${csrf}`);
    expect(body.user).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
    // Secure is set in production (behind the TLS proxy).
    expect(sessionCookies('j', 'c', 60, true).every((c) => c.includes('; Secure'))).toBe(true);
    expect(sessionCookies('j', 'c', 60, false).some((c) => c.includes('Secure'))).toBe(false);
  });

  it('the cookie reads; a change needs the X-CSRF-Token of that very session, while a bearer request needs none', async () => {
    const { cookie, csrf } = await browserLogin();
    const other = await browserLogin();
    expect((await api.request('GET', '/api/samples', { headers: { cookie } })).status).toBe(200);
    const alloy = () => ({ name: `Alloy ${randomUUID()}`, composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 500 });
    const noToken = await api.request('POST', '/api/alloys', { headers: { cookie }, body: alloy() });
    expect(noToken.status).toBe(403);
    expect(noToken.body.field).toBe('x-csrf-token');
    expect((await api.request('POST', '/api/alloys', { headers: { cookie, 'x-csrf-token': other.csrf }, body: alloy() })).status).toBe(403);
    expect((await api.request('POST', '/api/alloys', { headers: { cookie, 'x-csrf-token': 'x' }, body: alloy() })).status).toBe(403);
    expect((await api.request('POST', '/api/alloys', { headers: { cookie, 'x-csrf-token': csrf }, body: alloy() })).status).toBe(201);
    const bearer = await api.login();
    expect((await api.request('POST', '/api/alloys', { token: bearer, body: alloy() })).status).toBe(201);
    // Nothing is taken from a query string any more: not a JWT, not an API token.
    expect((await api.request('GET', `/api/samples?access_token=${bearer}`)).status).toBe(401);
    expect((await api.request('GET', `/api/events?access_token=${bearer}`)).status).toBe(401);
    expect((await api.request('GET', `/api/campaigns/${randomUUID()}/report.html?access_token=${bearer}`)).status).toBe(401);
  });

  it('logout by cookie needs the CSRF token, revokes the session, and clears both cookies', async () => {
    const { cookie, csrf } = await browserLogin();
    expect((await api.request('POST', '/api/auth/logout', { headers: { cookie } })).status).toBe(403);
    const out = await api.request('POST', '/api/auth/logout', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    const cleared = out.headers['set-cookie'] as string[];
    expect(cleared.map((c) => c.split(';')[0])).toEqual(['vitrack_session=', 'vitrack_csrf=']);
    expect(cleared.every((c) => c.includes('Max-Age=0'))).toBe(true);
    // Even a browser that kept the old cookie is signed out.
    expect((await api.request('GET', '/api/samples', { headers: { cookie } })).status).toBe(401);
  });

  it('the queue dashboard loads with an ADMIN cookie (page and assets), refuses others, and takes changes from its own page only', async () => {
    const admin = await browserLogin();
    const page = await api.request('GET', '/admin/queues', { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const assets = [...String(page.body).matchAll(/src="(static\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await api.request('GET', `/admin/queues/${asset}`, { headers: { cookie: admin.cookie } })).status).toBe(200);
    expect((await api.request('GET', '/admin/queues/api/queues', { headers: { cookie: admin.cookie } })).status).toBe(200);
    const member = await newUser(api, await api.login(), 'MEMBER');
    const memberCookie = (await browserLogin(member.email, 'password-123')).cookie;
    expect((await api.request('GET', '/admin/queues', { headers: { cookie: memberCookie } })).status).toBe(403);
    const pause = '/admin/queues/api/queues/analysis/pause';
    expect((await api.request('PUT', pause, { headers: { cookie: admin.cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await api.request('PUT', pause, { headers: { cookie: admin.cookie, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await api.request('PUT', pause, { headers: { cookie: admin.cookie } })).status).toBe(403);
    expect((await api.request('PUT', pause, { headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect(
      (await api.request('PUT', '/admin/queues/api/queues/analysis/resume', { headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' } })).status,
    ).toBe(200);
  });
});
