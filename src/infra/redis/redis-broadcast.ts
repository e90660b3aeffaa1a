import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Env } from '../../config/env';
import { REDIS } from './redis.constants';

/** The Redis channel of a broadcast topic: under QUEUE_PREFIX, so test runs and deployments sharing a Redis stay apart. */
export const broadcastChannel = (prefix: string, topic: string) => `${prefix}:${topic}`;

/**
 * Messages every process on the same Redis and QUEUE_PREFIX hears, the sender included: how one
 * API replica tells the others to forget what they cached (revoked sessions, changed memberships).
 * Fire and forget: with Redis down a message is lost, so whoever listens still bounds the life of
 * its cache. One subscriber connection per process (a subscribed ioredis connection can run no
 * other command), opened at bootstrap only if something listens, so the worker opens none.
 */
@Injectable()
export class RedisBroadcast implements OnApplicationBootstrap, OnModuleDestroy {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, ((payload: unknown) => void)[]>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Env,
  ) {}

  /** Calls `listener` with the payload of every message on `topic`; register before bootstrap (in a constructor). */
  on(topic: string, listener: (payload: unknown) => void): void {
    const channel = broadcastChannel(this.env.QUEUE_PREFIX, topic);
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    // A late listener (after bootstrap) still hears its topic.
    if (this.subscriber) void this.subscriber.subscribe(channel).catch(() => undefined);
  }

  /** Sends `payload` (JSON) to every listener of `topic` in every process; never fails the caller. */
  async publish(topic: string, payload: unknown): Promise<void> {
    await this.redis.publish(broadcastChannel(this.env.QUEUE_PREFIX, topic), JSON.stringify(payload)).catch(() => undefined);
  }

  onApplicationBootstrap(): void {
    if (this.listeners.size === 0) return;
    // Retries for ever and resubscribes after a reconnect (ioredis' autoResubscribe).
    this.subscriber = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
    // A Redis outage must neither crash the API nor flood its log.
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return;
      }
      for (const listener of this.listeners.get(channel) ?? []) listener(payload);
    });
    void this.subscriber.subscribe(...this.listeners.keys()).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
