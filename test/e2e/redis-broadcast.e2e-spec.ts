import Redis from 'ioredis';
import { Env } from '../../src/config/env';
import { broadcastChannel, RedisBroadcast } from '../../src/infra/redis/redis-broadcast';
import { uniquePrefix } from '../setup/test-db';

/**
 * RedisBroadcast on the real Redis: what one process publishes reaches every process on the same
 * QUEUE_PREFIX (itself included) and nothing under another prefix or topic; a malformed message is
 * dropped without stopping the ones after it; shutdown closes the subscriber connection.
 */
describe('RedisBroadcast', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const opened: { redis: Redis; broadcast: RedisBroadcast }[] = [];
  afterAll(() => opened.forEach(({ redis, broadcast }) => (broadcast.onModuleDestroy(), redis.disconnect())));

  /** How many started broadcasts listen on each channel. */
  const listening = new Map<string, number>();
  /** A process's broadcast listening on `topics`, each message kept in `heard`; resolves once Redis counts its subscription. */
  const start = async (prefix: string, topics: string[]) => {
    const redis = new Redis(url);
    const broadcast = new RedisBroadcast(redis, { QUEUE_PREFIX: prefix, REDIS_URL: url } as Env);
    const heard: [string, unknown][] = [];
    for (const topic of topics) broadcast.on(topic, (payload) => heard.push([topic, payload]));
    broadcast.onApplicationBootstrap();
    opened.push({ redis, broadcast });
    for (const topic of topics) {
      const channel = broadcastChannel(prefix, topic);
      listening.set(channel, (listening.get(channel) ?? 0) + 1);
      await until(async () => (await subscribers(redis, channel)) === listening.get(channel));
    }
    return { redis, broadcast, heard };
  };
  const subscribers = async (redis: Redis, channel: string) => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);
  /** Polls `check` every 20 ms for at most 5 s. */
  const until = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 250 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await check()).toBe(true);
  };

  it('reaches every listener on its prefix and topic, the sender too, and no other', async () => {
    const prefix = uniquePrefix('broadcast');
    const a = await start(prefix, ['memberships-changed']);
    const b = await start(prefix, ['memberships-changed', 'sessions-revoked']);
    const other = await start(uniquePrefix('broadcast'), ['memberships-changed']);

    await a.broadcast.publish('memberships-changed', ['u1']);
    await b.broadcast.publish('sessions-revoked', ['s1']);
    // Delivered in publish order: once the sentinel arrives under the other prefix, anything misrouted would have too.
    await other.broadcast.publish('memberships-changed', ['sentinel']);
    await until(() => other.heard.length === 1 && a.heard.length === 1 && b.heard.length === 2);
    expect(a.heard).toEqual([['memberships-changed', ['u1']]]);
    expect(b.heard).toEqual([
      ['memberships-changed', ['u1']],
      ['sessions-revoked', ['s1']],
    ]);
    expect(other.heard).toEqual([['memberships-changed', ['sentinel']]]);
  });

  it('drops a message that is not JSON and hears the next one', async () => {
    const prefix = uniquePrefix('broadcast');
    const a = await start(prefix, ['memberships-changed']);
    await a.redis.publish(broadcastChannel(prefix, 'memberships-changed'), '{not json');
    await a.broadcast.publish('memberships-changed', ['u2']);
    await until(() => a.heard.length === 1);
    expect(a.heard).toEqual([['memberships-changed', ['u2']]]);
  });

  it('closes its subscriber connection on shutdown', async () => {
    const prefix = uniquePrefix('broadcast');
    const a = await start(prefix, ['memberships-changed']);
    const channel = broadcastChannel(prefix, 'memberships-changed');
    expect(await subscribers(a.redis, channel)).toBe(1);
    a.broadcast.onModuleDestroy();
    await until(async () => (await subscribers(a.redis, channel)) === 0);
  });
});
