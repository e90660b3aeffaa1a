import { Client } from 'pg';
import Redis from 'ioredis';

import { UNIT_NETWORK_ERROR } from './setup/unit-environment';

/**
 * The unit tier runs with no database and no Redis: its environment points the service URLs at a
 * closed port and refuses any network connection, so `npm run test:unit` passing is the proof that
 * no unit spec needs PostgreSQL or Redis, even while the machine's own services are up.
 */
describe('unit tier', () => {
  it('points the service URLs at a closed port', () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:9\//);
    expect(process.env.REDIS_URL).toBe('redis://127.0.0.1:9');
    expect(process.env.VITRACK_TEMPLATE_DB).toBeUndefined();
  });

  it('refuses a PostgreSQL connection, even to the running server', async () => {
    const client = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    await expect(client.connect()).rejects.toThrow(UNIT_NETWORK_ERROR);
  });

  it('refuses a Redis connection, even to the running server', async () => {
    const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await expect(redis.connect()).rejects.toThrow(UNIT_NETWORK_ERROR);
    } finally {
      redis.disconnect();
    }
  });
});
