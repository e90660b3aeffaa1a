import { PrivateRedis } from '../setup/private-redis';
import { TestApi } from '../setup/test-api';
import { adminSql } from '../../scripts/pg-admin';

/** Breaks only its own Redis and its own database, never the machine's shared services. */
describe('GET /health', () => {
  let redis: PrivateRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await TestApi.start({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    redis?.stop();
    await api?.close();
  });

  it('is 200 with both checks up', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('is 503 naming Redis when Redis is down, and recovers when it is back', async () => {
    redis.stop();
    await new Promise((r) => setTimeout(r, 300));
    const down = await api.request('GET', '/health');
    expect(down.status).toBe(503);
    expect(down.body.details.redis.status).toBe('down');
    expect(down.body.details.database.status).toBe('up');
    redis.startAgain();
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await api.request('GET', '/health')).status;
    }
    expect(status).toBe(200);
  });

  it('is 503 naming the database when its database is gone', async () => {
    const name = new URL(api.databaseUrl).pathname.slice(1);
    await adminSql(`DROP DATABASE "${name}" WITH (FORCE)`);
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(503);
    expect(res.body.details.database.status).toBe('down');
    const { body } = await api.request('GET', '/api/samples', { token: 'x' });
    expect(JSON.stringify(body)).not.toMatch(/prisma|postgres|SELECT/i);
  });
});
