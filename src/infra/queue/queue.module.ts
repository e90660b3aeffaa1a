import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Env } from '../../config/env';
import { QueueName } from './queue.constants';

/** BullMQ root connection (prefix from QUEUE_PREFIX) and the registered queues. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => {
        const url = new URL(env.REDIS_URL);
        return {
          prefix: env.QUEUE_PREFIX,
          connection: {
            host: url.hostname,
            port: Number(url.port || 6379),
            password: url.password || undefined,
            db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
            maxRetriesPerRequest: null,
          },
        };
      },
    }),
    BullModule.registerQueue({ name: QueueName.Analysis }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
