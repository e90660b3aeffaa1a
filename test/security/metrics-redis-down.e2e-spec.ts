import { PrivateRedis } from '../setup/private-redis';
import { TestApi } from '../setup/test-api';

/** /metrics answers while Redis is down (issue 12, finding 11), saying so, instead of hanging the scrape. */
describe('/metrics with Redis down', () => {
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

  it('reports the queue up, then down, and the run counts from PostgreSQL either way', async () => {
    const up = await api.request('GET', '/metrics');
    expect(up.status).toBe(200);
    expect(up.body).toMatch(/^vitrack_queue_up 1$/m);
    expect(up.body).toMatch(/^vitrack_queue_jobs\{state="waiting"\} 0$/m);
    redis.stop();
    const down = await api.request('GET', '/metrics');
    expect(down.status).toBe(200);
    expect(down.body).toMatch(/^vitrack_queue_up 0$/m);
    expect(down.body).not.toMatch(/^vitrack_queue_jobs\{/m);
    expect(down.body).toMatch(/^# TYPE vitrack_analysis_runs gauge$/m);
  });
});
