import { PrivatePostgres } from '../setup/private-postgres';
import { PrivateRedis } from '../setup/private-redis';
import { eventually, when } from '../setup/eventually';
import { TestApi } from '../setup/test-api';

/** Breaks only its own Redis and its own PostgreSQL cluster, never the machine's shared services. */
describe('GET /health', () => {
  let redis: PrivateRedis;
  let pg: PrivatePostgres;
  let api: TestApi;

  beforeAll(async () => {
    [redis, pg] = await Promise.all([PrivateRedis.start(), PrivatePostgres.start()]);
    api = await TestApi.start({ REDIS_URL: redis.url, DATABASE_URL: pg.url });
  });
  afterAll(async () => {
    redis?.stop();
    await api?.close();
    pg?.remove();
  });

  /** The health check once it answers `status`: Redis's client notices a stopped or restarted server in its own time. */
  const healthWithin = (status: number) => eventually(`/health ${status}`, async () => when(await api.request('GET', '/health'), (r) => r.status === status));

  it('is 200 with both checks up', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('is 503 naming Redis when Redis is down, and recovers when it is back', async () => {
    redis.stop();
    const down = await healthWithin(503);
    expect(down.status).toBe(503);
    expect(down.body.details.redis.status).toBe('down');
    expect(down.body.details.database.status).toBe('up');
    redis.startAgain();
    expect((await healthWithin(200)).status).toBe(200);
  });

  it('is 503 naming the database when the server behind the pool stops; requests get 503 with Retry-After; both recover', async () => {
    const token = await api.login();
    expect((await api.request('GET', '/api/alloys', { token })).status).toBe(200);
    pg.stop();
    const down = await api.request('GET', '/health');
    expect(down.status).toBe(503);
    expect(down.body.details.database.status).toBe('down');
    expect(down.body.details.redis.status).toBe('up');
    const failed = await api.request('GET', '/api/alloys', { token });
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('2');
    expect(failed.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(JSON.stringify(failed.body)).not.toMatch(/prisma|postgres|SELECT|ECONN|127\.0\.0\.1/i);
    pg.startAgain();
    expect((await healthWithin(200)).status).toBe(200);
    expect((await api.request('GET', '/api/alloys', { token })).status).toBe(200);
  });
});
