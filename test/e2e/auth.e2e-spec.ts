import { newUser } from '../factories/user.factory';
import { LA75AL25, newAlloy, newLineage } from '../factories/sample.factory';
import { Database } from '../../src/infra/database/database';
import { TestApi } from '../setup/test-api';

describe('auth and roles', () => {
  let api: TestApi;
  let admin: string;
  let member: { token: string };
  let pi: { token: string };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.login();
    member = await newUser(api, admin, 'MEMBER');
    pi = await newUser(api, admin, 'PI');
  });
  afterAll(() => api?.close());

  it('the administrator from ADMIN_EMAIL/ADMIN_PASSWORD logs in; a wrong password is 401 naming the field', async () => {
    const bad = await api.request('POST', '/api/auth/login', { body: { email: 'admin@test.local', password: 'nope' } });
    expect(bad.status).toBe(401);
    expect(bad.body.field).toBe('password');
  });

  it('every route but login, health and docs needs a token', async () => {
    for (const [method, url] of [
      ['GET', '/api/samples'],
      ['GET', '/api/alloys'],
      ['POST', '/api/alloys'],
      ['POST', '/api/samples/ingots'],
      ['GET', '/api/audit'],
      ['POST', '/api/users'],
      ['POST', '/api/auth/tokens'],
    ] as const) {
      const res = await api.request(method, url, { body: method === 'POST' ? {} : undefined });
      expect({ url, status: res.status }).toEqual({ url, status: 401 });
    }
    expect((await api.request('GET', '/health')).status).toBe(200);
    expect((await api.request('GET', '/docs-json')).status).toBe(200);
    expect((await api.request('GET', '/api/samples', { token: 'garbage.token.here' })).status).toBe(401);
  });

  it('a MEMBER cannot manage users or alloys; a PI cannot manage users; an ADMIN can', async () => {
    const user = { email: 'x@test.local', name: 'X', role: 'MEMBER', password: 'password-1' };
    expect((await api.request('POST', '/api/users', { token: member.token, body: user })).status).toBe(403);
    expect((await api.request('GET', '/api/users', { token: member.token })).status).toBe(403);
    expect((await api.request('POST', '/api/users', { token: pi.token, body: user })).status).toBe(403);
    expect((await api.request('POST', '/api/alloys', { token: member.token, body: LA75AL25 })).status).toBe(403);
    expect((await api.request('POST', '/api/users', { token: admin, body: user })).status).toBe(201);
    expect((await api.request('POST', '/api/users', { token: admin, body: user })).status).toBe(409);
  });

  it('a MEMBER logs samples and treatments', async () => {
    const alloy = await newAlloy(api, pi.token);
    const { pieces } = await newLineage(api, member.token, alloy.id, 1);
    const res = await api.request('POST', `/api/samples/${pieces[0].id}/treatments`, {
      token: member.token,
      body: { kind: 'CRYO_CYCLE', lowK: 77, highK: 293, cycles: 5, dwellLowS: 60, dwellHighS: 60 },
    });
    expect(res.status).toBe(201);
  });

  it('an API token works like a login and is stored only as a hash', async () => {
    const res = await api.request('POST', '/api/auth/tokens', { token: member.token, body: { name: 'MPMS3 uploader' } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^vt_/);
    const list = await api.request('GET', '/api/samples', { token: res.body.token });
    expect(list.status).toBe(200);
    const stored = await api.app.get(Database).kysely.selectFrom('api_tokens').select(['tokenHash']).where('id', '=', res.body.id).executeTakeFirst();
    expect(stored?.tokenHash).not.toContain(res.body.token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('validation errors name the field; unknown fields are refused', async () => {
    const res = await api.request('POST', '/api/alloys', { token: pi.token, body: { ...LA75AL25, name: 'Z', densityGCm3: -1, colour: 'red' } });
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['colour', 'densityGCm3']);
    const comp = await api.request('POST', '/api/alloys', { token: pi.token, body: { ...LA75AL25, name: 'Y', composition: { La: 75, Al: 20 } } });
    expect(comp.status).toBe(400);
    expect(comp.body.field).toBe('composition');
    const tx = await api.request('POST', '/api/alloys', { token: pi.token, body: { ...LA75AL25, name: 'W', txK: 400 } });
    expect(tx.status).toBe(400);
    expect(tx.body.field).toBe('txK');
  });
});
