import { randomBytes, scryptSync } from 'node:crypto';
import { Client } from 'pg';
import { ApiProcess } from '../setup/api-process';
import { TestApi } from '../setup/test-api';

/** In production no account has a known password and no token can be signed with a public secret (issue 12, findings 2 and 3). */
describe('production boot', () => {
  const SECRET = randomBytes(48).toString('base64');

  it('refuses to start without JWT_SECRET, naming the variable', async () => {
    await expect(ApiProcess.start({ NODE_ENV: 'production', JWT_SECRET: '', ADMIN_PASSWORD: 'a-strong-admin-password' })).rejects.toThrow(
      /JWT_SECRET: must be set in production/,
    );
  });

  describe('without ADMIN_PASSWORD', () => {
    let api: ApiProcess;
    beforeAll(async () => {
      api = await ApiProcess.start({ NODE_ENV: 'production', JWT_SECRET: SECRET, ADMIN_EMAIL: 'root@test.local', ADMIN_PASSWORD: '' });
    });
    afterAll(() => api?.stop());

    const setupToken = () => /(eyJ[\w-]+\.[\w-]+\.[\w-]+)/.exec(api.log)?.[1];

    it('creates no administrator with the development password, and logs a one-time setup token', async () => {
      expect((await api.request('POST', '/api/auth/login', { body: { email: 'root@test.local', password: 'vitrack-admin' } })).status).toBe(401);
      expect(api.log).toMatch(/no administrator yet and ADMIN_PASSWORD is not set/);
      expect(setupToken()).toBeDefined();
    });

    it('the setup token is no login token, and a forged or non-setup token is refused', async () => {
      expect((await api.request('GET', '/api/samples', { token: setupToken() })).status).toBe(401);
      const bad = await api.request('POST', '/api/auth/setup', { body: { token: 'a.b.c', password: 'a-long-enough-password' } });
      expect(bad.status).toBe(401);
      expect(bad.body.field).toBe('token');
      const short = await api.request('POST', '/api/auth/setup', { body: { token: setupToken(), password: 'short' } });
      expect(short.status).toBe(400);
    });

    it('sets the administrator password once', async () => {
      const password = 'chosen-by-the-operator';
      const first = await api.request('POST', '/api/auth/setup', { body: { token: setupToken(), password } });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ email: 'root@test.local' });
      const login = await api.request('POST', '/api/auth/login', { body: { email: 'root@test.local', password } });
      expect(login.status).toBe(200);
      const users = await api.request('GET', '/api/users', { token: login.body.accessToken });
      expect(users.body.map((u: { role: string }) => u.role)).toEqual(['ADMIN']);
      const again = await api.request('POST', '/api/auth/setup', { body: { token: setupToken(), password: 'another-password-here' } });
      expect(again.status).toBe(409);
      expect((await api.request('POST', '/api/auth/login', { body: { email: 'root@test.local', password: 'another-password-here' } })).status).toBe(401);
    });
  });
});

describe('password hashes made at the old scrypt cost', () => {
  let api: TestApi;
  let db: Client;
  beforeAll(async () => {
    // At production's cost, not the suite's cheaper one (jest.config.js), which is below the old one.
    delete process.env.TEST_SCRYPT_LOG2_N;
    api = await TestApi.start();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  it('are replaced by an OWASP-cost hash at the next successful login', async () => {
    const admin = await api.login();
    const email = 'legacy@test.local';
    expect(
      (await api.request('POST', '/api/users', { token: admin, body: { email, name: 'Legacy', role: 'MEMBER', password: 'legacy-password' } })).status,
    ).toBe(201);
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString('base64')}$${scryptSync('legacy-password', salt, 32).toString('base64')}`;
    await db.query(`UPDATE users SET "passwordHash" = $1 WHERE email = $2`, [legacy, email]);
    const hashOf = async () => (await db.query(`SELECT "passwordHash" FROM users WHERE email = $1`, [email])).rows[0].passwordHash as string;

    expect((await api.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password' } })).status).toBe(401);
    expect(await hashOf()).toBe(legacy);
    expect((await api.request('POST', '/api/auth/login', { body: { email, password: 'legacy-password' } })).status).toBe(200);
    expect(await hashOf()).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);
    expect((await api.request('POST', '/api/auth/login', { body: { email, password: 'legacy-password' } })).status).toBe(200);
  });
});
