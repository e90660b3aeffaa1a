import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Env } from '../../config/env';
import { RedisBroadcast } from './redis-broadcast';
import { REDIS } from './redis.constants';

export { REDIS };

/** A plain connection for health checks and pub/sub; BullMQ opens its own. */
@Injectable()
class RedisCloser implements OnModuleDestroy {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [Env],
      // Fail fast instead of queueing commands while Redis is down, so /health answers at once.
      useFactory: (env: Env) => new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }),
    },
    RedisCloser,
    RedisBroadcast,
  ],
  exports: [REDIS, RedisBroadcast],
})
export class RedisModule {}
