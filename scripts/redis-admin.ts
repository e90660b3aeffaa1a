import Redis from 'ioredis';

/**
 * Deletes the Redis keys under one queue prefix only: tests and benchmarks each run under their
 * own prefix on the shared Redis, and BullMQ leaves queue meta and event streams behind. Returns
 * how many keys went.
 */
export async function deleteKeysUnder(prefix: string, url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<number> {
  if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error(`refusing to delete keys of an unusual prefix "${prefix}"`);
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
