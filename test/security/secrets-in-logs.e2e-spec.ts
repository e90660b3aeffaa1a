import { randomBytes, randomUUID } from 'node:crypto';
import { ApiProcess } from '../setup/api-process';

/**
 * No secret reaches a log line (issue 12, finding 4): the real API process at LOG_LEVEL=debug
 * goes through setup, logins, API tokens, query tokens and refused tokens, and its whole output
 * is searched for every secret it was given. The setup token is printed once, on purpose, at boot.
 */
describe('secrets in the log', () => {
  let api: ApiProcess;
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    api = await ApiProcess.start({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(48).toString('base64'),
      ADMIN_EMAIL: 'root@test.local',
      ADMIN_PASSWORD: '',
      LOG_LEVEL: 'debug',
    });
  });
  afterAll(() => api?.stop());

  it('holds no password, JWT, API token or setup token after a full flow', async () => {
    const setupToken = /(eyJ[\w-]+\.[\w-]+\.[\w-]+)/.exec(api.log)![1];
    const adminPassword = `admin-${randomUUID()}`;
    expect((await api.request('POST', '/api/auth/setup', { body: { token: setupToken, password: adminPassword } })).status).toBe(201);
    expect((await api.request('POST', '/api/auth/setup', { body: { token: setupToken, password: adminPassword } })).status).toBe(409);
    const wrongPassword = `wrong-${randomUUID()}`;
    expect((await api.request('POST', '/api/auth/login', { body: { email: 'root@test.local', password: wrongPassword } })).status).toBe(401);
    const adminJwt = (await api.request('POST', '/api/auth/login', { body: { email: 'root@test.local', password: adminPassword } })).body.accessToken;

    const memberPassword = `member-${randomUUID()}`;
    const member = { email: 'm@test.local', name: 'M', role: 'MEMBER', password: memberPassword };
    expect((await api.request('POST', '/api/users', { token: adminJwt, body: member })).status).toBe(201);
    // A body that fails validation is echoed by no log line either.
    expect((await api.request('POST', '/api/users', { token: adminJwt, body: { ...member, role: 'KING' } })).status).toBe(400);
    const memberJwt = (await api.request('POST', '/api/auth/login', { body: { email: member.email, password: memberPassword } })).body.accessToken;
    const apiToken = (await api.request('POST', '/api/auth/tokens', { token: memberJwt, body: { name: 'MPMS3' } })).body.token;
    const unknownApiToken = `vt_${randomBytes(32).toString('base64url')}`;
    Object.assign(secrets, { setupToken, adminPassword, wrongPassword, memberPassword, adminJwt, memberJwt, apiToken, unknownApiToken });

    expect((await api.request('GET', '/api/samples', { token: apiToken })).status).toBe(200);
    expect((await api.request('GET', '/api/samples', { token: unknownApiToken })).status).toBe(401);
    // Query tokens are no longer accepted anywhere, and still never logged when someone sends one.
    expect((await api.request('GET', `/api/campaigns/${randomUUID()}/report.html?access_token=${adminJwt}`)).status).toBe(401);
    expect((await api.request('GET', `/api/campaigns/${randomUUID()}/report.csv?x=1&access_token=${encodeURIComponent(apiToken)}`)).status).toBe(401);
    expect((await api.request('GET', `/api/samples?access_token=${memberJwt}`)).status).toBe(401);
    expect((await api.request('GET', `/admin/queues?token=${adminJwt}`)).status).toBe(401);
    expect((await api.request('GET', '/admin/queues', { headers: { cookie: `vitrack_session=${adminJwt}` } })).status).toBe(200);
    expect((await api.request('GET', '/%61dmin/queues', { token: apiToken })).status).toBe(403);
    expect(
      (await api.request('GET', '/api/samples', { headers: { authorization: `Bearer ${memberJwt}`, cookie: `session=${memberJwt}`, 'x-api-key': apiToken } }))
        .status,
    ).toBe(200);
    // An event stream answers with headers at once and stays open; close it after the first bytes.
    const abort = new AbortController();
    const events = await fetch(`${api.baseUrl}/api/events`, { signal: abort.signal, headers: { cookie: `vitrack_session=${memberJwt}` } });
    expect(events.status).toBe(200);
    abort.abort();

    await api.stop();
    const log = api.log;
    // The log is not vacuous: requests were logged, with their query tokens redacted.
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('access_token=[Redacted]');
    const occurrences = Object.fromEntries(Object.entries(secrets).map(([name, secret]) => [name, log.split(secret).length - 1]));
    expect(occurrences).toEqual({
      setupToken: 1,
      adminPassword: 0,
      wrongPassword: 0,
      memberPassword: 0,
      adminJwt: 0,
      memberJwt: 0,
      apiToken: 0,
      unknownApiToken: 0,
    });
    // The one setup-token line is the boot notice, never a request.
    expect(
      log
        .split('\n')
        .filter((l) => l.includes(setupToken))
        .map((l) => JSON.parse(l).context),
    ).toEqual(['AdminSetup']);
  });
});
