import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

/**
 * A login token is only as good as the user it names today: the API resolves every token to the
 * current user row, pins HS256 and caps lifetimes (issue 12, findings 2 and 11). The tokens here
 * are signed with the API's own secret, as a leaked secret or an old token would be.
 */
describe('forged, stale and odd login tokens', () => {
  const SECRET = 'forged-token-test-secret-of-32-bytes!';
  let api: TestApi;
  let admin: string;
  let jwt: JwtService;
  let db: Client;

  beforeAll(async () => {
    api = await TestApi.start({ JWT_SECRET: SECRET, AUTH_USER_CACHE_MS: '0' });
    admin = await api.login();
    jwt = new JwtService({ secret: SECRET });
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const newUserBody = () => ({ email: `forged-${randomUUID()}@test.local`, name: 'Forged', role: 'ADMIN', password: 'password-123' });

  it('an ADMIN token for a user that does not exist creates nothing', async () => {
    const token = jwt.sign({ sub: randomUUID(), email: 'ghost@test.local', role: 'ADMIN' }, { expiresIn: 600 });
    const body = newUserBody();
    expect((await api.request('POST', '/api/users', { token, body })).status).toBe(401);
    const users = await api.request('GET', '/api/users', { token: admin });
    expect(users.body.map((u: { email: string }) => u.email)).not.toContain(body.email);
  });

  it("a token naming a real user but no session of theirs (or another user's session) is 401", async () => {
    const { sub, sid } = adminClaims();
    const member = await newUser(api, admin, 'MEMBER');
    const memberSid = jwt.decode<{ sid: string }>(member.token).sid;
    expect((await api.request('GET', '/api/users', { token: jwt.sign({ sub, role: 'ADMIN' }, { expiresIn: 600 }) })).status).toBe(401);
    expect((await api.request('GET', '/api/users', { token: jwt.sign({ sub, sid: randomUUID() }, { expiresIn: 600 }) })).status).toBe(401);
    expect((await api.request('GET', '/api/users', { token: jwt.sign({ sub, sid: memberSid }, { expiresIn: 600 }) })).status).toBe(401);
    expect((await api.request('GET', '/api/users', { token: jwt.sign({ sub, sid }, { expiresIn: 600 }) })).status).toBe(200);
  });

  it('a token whose subject is not even a user id is 401, not 500', async () => {
    const token = jwt.sign({ sub: "x' OR 1=1 --", role: 'ADMIN' }, { expiresIn: 600 });
    expect((await api.request('GET', '/api/users', { token })).status).toBe(401);
  });

  it("a MEMBER's token claiming ADMIN gets the MEMBER's rights", async () => {
    const member = await newUser(api, admin, 'MEMBER');
    const { sid } = jwt.decode<{ sid: string }>(member.token);
    const token = jwt.sign({ sub: member.id, sid, email: member.email, role: 'ADMIN' }, { expiresIn: 600 });
    expect((await api.request('POST', '/api/users', { token, body: newUserBody() })).status).toBe(403);
  });

  it('a role changed in the database takes effect on the next request with an old token', async () => {
    const pi = await newUser(api, admin, 'PI');
    expect((await api.request('GET', '/api/users', { token: pi.token })).status).toBe(403);
    await db.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [pi.id]);
    expect((await api.request('GET', '/api/users', { token: pi.token })).status).toBe(200);
    await db.query(`UPDATE users SET role = 'MEMBER' WHERE id = $1`, [pi.id]);
    expect((await api.request('GET', '/api/users', { token: pi.token })).status).toBe(403);
    expect((await api.request('POST', '/api/alloys', { token: pi.token, body: {} })).status).toBe(403);
  });

  it('an unknown role in a token never passes a role check', async () => {
    const member = await newUser(api, admin, 'MEMBER');
    const { sid } = jwt.decode<{ sid: string }>(member.token);
    const token = jwt.sign({ sub: member.id, sid, email: member.email, role: 'SUPERUSER' }, { expiresIn: 600 });
    expect((await api.request('GET', '/api/users', { token })).status).toBe(403);
  });

  /** The admin's real claims (subject and live session), re-signed as an attacker holding the secret would. */
  const adminClaims = () => {
    const { sub, sid, email, role } = jwt.decode<Record<string, string>>(admin);
    return { sub, sid, email, role };
  };

  it('only HS256 is accepted: HS512 with the same secret and unsigned tokens are 401', async () => {
    const claims = adminClaims();
    expect((await api.request('GET', '/api/users', { token: jwt.sign(claims, { expiresIn: 600 }) })).status).toBe(200);
    expect((await api.request('GET', '/api/users', { token: jwt.sign(claims, { expiresIn: 600, algorithm: 'HS512' }) })).status).toBe(401);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    expect((await api.request('GET', '/api/users', { token: unsigned })).status).toBe(401);
  });

  it('a token without an expiry, or living longer than JWT_TTL_S allows, is 401', async () => {
    const claims = adminClaims();
    expect((await api.request('GET', '/api/users', { token: jwt.sign(claims) })).status).toBe(401);
    expect((await api.request('GET', '/api/users', { token: jwt.sign(claims, { expiresIn: 400 * 24 * 3600 }) })).status).toBe(401);
  });

  it('the login token names HS256 and expires within JWT_TTL_S', async () => {
    const decoded = jwt.decode(admin, { complete: true }) as { header: { alg: string }; payload: { iat: number; exp: number } };
    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.payload.exp - decoded.payload.iat).toBe(12 * 3600);
  });
});
