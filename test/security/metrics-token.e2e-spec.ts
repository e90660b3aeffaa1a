import { randomBytes } from 'node:crypto';
import { TestApi } from '../setup/test-api';

/** /metrics in production: read by the scraper's METRICS_TOKEN only, and off without one (issue 12). */
describe('/metrics in production', () => {
  const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: randomBytes(48).toString('base64') };
  const TOKEN = randomBytes(32).toString('base64url');
  let withToken: TestApi;
  let withoutToken: TestApi;
  beforeAll(async () => {
    withToken = await TestApi.start({ ...PRODUCTION, METRICS_TOKEN: TOKEN });
    withoutToken = await TestApi.start(PRODUCTION);
  });
  afterAll(async () => {
    await withToken?.close();
    await withoutToken?.close();
  });

  it('answers the scraper that sends METRICS_TOKEN, and no one else, not even an administrator', async () => {
    const scrape = await withToken.request('GET', '/metrics', { token: TOKEN });
    expect(scrape.status).toBe(200);
    expect(scrape.body).toMatch(/^vitrack_queue_up 1$/m);
    const anonymous = await withToken.request('GET', '/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ field: 'authorization' });
    const admin = await withToken.login();
    expect((await withToken.request('GET', '/metrics', { token: admin })).status).toBe(401);
    expect((await withToken.request('GET', '/metrics', { token: `${TOKEN}x` })).status).toBe(401);
  });

  it('is off without METRICS_TOKEN, saying which variable turns it on', async () => {
    const res = await withoutToken.request('GET', '/metrics');
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/METRICS_TOKEN/);
    expect((await withoutToken.request('GET', '/health')).status).toBe(200);
  });
});
