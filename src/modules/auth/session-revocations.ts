import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Env } from '../../config/env';
import { REDIS } from '../../infra/redis/redis.module';

export const sessionRevocationsChannel = (prefix: string) => `${prefix}:sessions-revoked`;

/**
 * Tells every API process which sessions were just revoked (logout, a password change or reset,
 * a user disabled or given another role), so each forgets its cached copy at once instead of
 * honouring it for up to AUTH_USER_CACHE_MS. One Redis channel under QUEUE_PREFIX; with Redis
 * down the message is lost and the cache's lifetime still bounds how long a revoked session works.
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnModuleDestroy {
  private subscriber?: Redis;
  private readonly listeners: ((sessionIds: string[]) => void)[] = [];
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Env,
  ) {
    this.channel = sessionRevocationsChannel(env.QUEUE_PREFIX);
  }

  onApplicationBootstrap(): void {
    this.subscriber = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
    // Reconnects on its own; a Redis outage must not crash the API or flood its log.
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      let ids: unknown;
      try {
        ids = JSON.parse(message);
      } catch {
        return;
      }
      if (Array.isArray(ids)) for (const listener of this.listeners) listener(ids.filter((id): id is string => typeof id === 'string'));
    });
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  /** Calls `listener` with the ids every process (this one included) announces. */
  onRevoked(listener: (sessionIds: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Announces revoked sessions; never fails the request that revoked them. */
  async announce(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.redis.publish(this.channel, JSON.stringify(sessionIds)).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
