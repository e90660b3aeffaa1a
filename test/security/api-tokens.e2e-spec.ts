import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { newAlloy, newLineage } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { eventually } from '../setup/eventually';
import { TestApi } from '../setup/test-api';

/**
 * API tokens that can be listed, revoked and limited (issue 12, finding 6): own list without
 * secrets, DELETE, expiry (90 days by default, capped), scopes read | upload | full, and
 * lastUsedAt written at most once a minute per token.
 */
describe('API tokens: list, revoke, expiry, scopes, last use', () => {
  let api: TestApi;
  let db: Client;
  let member: { id: string; token: string };
  let other: { token: string };
  let pieceId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.login();
    member = await newUser(api, admin, 'MEMBER');
    other = await newUser(api, admin, 'MEMBER');
    const pi = await newUser(api, admin, 'PI');
    const alloy = await newAlloy(api, pi.token);
    pieceId = (await newLineage(api, member.token, alloy.id, 1)).pieces[0].id;
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const mint = async (body: object, token = member.token) => {
    const res = await api.request('POST', '/api/auth/tokens', { token, body: { name: `t-${randomUUID().slice(0, 8)}`, ...body } });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; token: string; scope: string; expiresAt: string };
  };

  it('a token expires in 90 days unless asked, never beyond 365; read is the default scope', async () => {
    const t = await mint({});
    expect(t.scope).toBe('READ');
    const days = (Date.parse(t.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThanOrEqual(90);
    expect((await mint({ expiresInDays: 7, scope: 'upload' })).scope).toBe('UPLOAD');
    const tooLong = await api.request('POST', '/api/auth/tokens', { token: member.token, body: { name: 'x', expiresInDays: 366 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.field).toBe('expiresInDays');
    expect((await api.request('POST', '/api/auth/tokens', { token: member.token, body: { name: 'x', scope: 'root' } })).body.field).toBe('scope');
    // An API token cannot mint more tokens.
    expect((await api.request('POST', '/api/auth/tokens', { token: (await mint({ scope: 'full' })).token, body: { name: 'x' } })).status).toBe(403);
  });

  it('a user lists their own tokens without secrets, and revokes them; another user’s token is 404 to them', async () => {
    const mine = await mint({ scope: 'full' });
    const theirs = await mint({}, other.token);
    const list = await api.request('GET', '/api/auth/tokens', { token: member.token });
    expect(list.status).toBe(200);
    const ids = list.body.map((t: { id: string }) => t.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(Object.keys(list.body[0]).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'scope']);
    expect(JSON.stringify(list.body)).not.toContain(mine.token);
    expect((await api.request('DELETE', `/api/auth/tokens/${theirs.id}`, { token: member.token })).status).toBe(404);
    expect((await api.request('GET', '/api/samples', { token: theirs.token })).status).toBe(200);
    expect((await api.request('GET', '/api/samples', { token: mine.token })).status).toBe(200);
    expect((await api.request('DELETE', `/api/auth/tokens/${mine.id}`, { token: member.token })).status).toBe(204);
    expect((await api.request('GET', '/api/samples', { token: mine.token })).status).toBe(401);
    expect((await api.request('DELETE', `/api/auth/tokens/${mine.id}`, { token: member.token })).status).toBe(404);
  });

  it('an expired token is 401', async () => {
    const t = await mint({});
    expect((await api.request('GET', '/api/samples', { token: t.token })).status).toBe(200);
    await db.query(`UPDATE api_tokens SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [t.id]);
    expect((await api.request('GET', '/api/samples', { token: t.token })).status).toBe(401);
  });

  it('read reads only; upload creates measurements, adds their files and reads them, nothing else; full has the role’s rights', async () => {
    const read = (await mint({ scope: 'read' })).token;
    const up = (await mint({ scope: 'upload' })).token;
    const full = (await mint({ scope: 'full' })).token;
    const m = await newMeasurement(api, member.token, pieceId, 'MAGNETIC', { mode: 'ZFC' });
    const measurementBody = { sampleId: pieceId, technique: 'MAGNETIC', instrument: 'virtual', conditions: {} };

    expect((await api.request('GET', `/api/measurements/${m.id}`, { token: read })).status).toBe(200);
    expect((await api.request('GET', '/api/campaigns', { token: read })).status).toBe(200);
    expect((await api.request('POST', '/api/measurements', { token: read, body: measurementBody })).status).toBe(403);
    expect((await upload(api, read, m.id, 'r.dat', 'x')).status).toBe(403);

    expect((await upload(api, up, m.id, 'u.dat', '[Header]\nnot really a file\n')).status).toBe(202);
    expect((await api.request('GET', `/api/measurements/${m.id}`, { token: up })).status).toBe(200);
    expect((await api.request('GET', `/api/samples/${pieceId}/measurements`, { token: up })).status).toBe(200);
    expect((await api.request('GET', '/api/samples?codePrefix=LA', { token: up })).status).toBe(200);
    expect((await api.request('POST', '/api/measurements', { token: up, body: measurementBody })).status).toBe(201);
    expect((await api.request('POST', '/api/uploads/match', { token: up, body: { files: [] } })).status).not.toBe(403);
    expect((await api.request('POST', '/api/samples/ingots', { token: up, body: {} })).status).toBe(403);
    expect((await api.request('POST', '/api/analyses/rerun', { token: up, body: {} })).status).toBe(403);
    expect((await api.request('POST', `/api/samples/${pieceId}/treatments`, { token: up, body: {} })).status).toBe(403);
    expect((await api.request('GET', '/api/campaigns', { token: up })).status).toBe(403);
    expect((await api.request('GET', '/api/audit', { token: up })).status).toBe(403);

    expect((await api.request('POST', '/api/measurements', { token: full, body: measurementBody })).status).toBe(201);
  });

  it('lastUsedAt is written on use, then at most once a minute however often the token is used', async () => {
    const t = await mint({});
    const lastUsed = async () => (await db.query(`SELECT "lastUsedAt" FROM api_tokens WHERE id = $1`, [t.id])).rows[0].lastUsedAt as Date | null;
    expect(await lastUsed()).toBeNull();
    expect((await api.request('GET', '/api/samples', { token: t.token })).status).toBe(200);
    // Written after the answer, off the request's path: wait for it.
    expect(await eventually('lastUsedAt written', async () => (await lastUsed()) ?? undefined, 90_000, 50)).not.toBeNull();
    await db.query(`UPDATE api_tokens SET "lastUsedAt" = '2000-01-01 00:00:00' WHERE id = $1`, [t.id]);
    for (let i = 0; i < 10; i++) expect((await api.request('GET', '/api/samples', { token: t.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const unchanged = await db.query(`SELECT "lastUsedAt" = '2000-01-01 00:00:00' AS same FROM api_tokens WHERE id = $1`, [t.id]);
    expect(unchanged.rows[0].same).toBe(true);
    const listed = (await api.request('GET', '/api/auth/tokens', { token: member.token })).body.find((x: { id: string }) => x.id === t.id);
    expect(listed.lastUsedAt).toBe('2000-01-01T00:00:00.000Z');
  });
});
