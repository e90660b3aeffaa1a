import { PoolClient } from 'pg';
import { Database } from '../../src/infra/database/database';
import { TestApi } from '../setup/test-api';

/**
 * Pool exhaustion (issue 12, finding 11): when every connection of the API's one pool is busy,
 * a request is answered 503 with Retry-After once the pool's connect timeout passes (it was a 500
 * after 10 s), saying nothing of the database; it answers normally once a connection is free.
 */
describe('every database connection busy', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start({ DB_POOL_MAX: '2', AUTH_USER_CACHE_MS: '0' });
    admin = await api.login();
  });
  afterAll(() => api?.close());

  it('answers 503 with Retry-After while the pool is exhausted, then 200', async () => {
    const pool = api.app.get(Database).pool;
    const held: PoolClient[] = [await pool.connect(), await pool.connect()];
    try {
      const busy = await api.request('GET', '/api/samples', { token: admin });
      expect(busy.status).toBe(503);
      expect(busy.headers['retry-after']).toBe('2');
      expect(busy.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(JSON.stringify(busy.body)).not.toMatch(/127\.0\.0\.1|5432|timeout exceeded|SELECT/i);
    } finally {
      for (const c of held) c.release();
    }
    expect((await api.request('GET', '/api/samples', { token: admin })).status).toBe(200);
  });
});
