import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Env } from '../../config/env';
import { runEventsChannel } from '../../infra/queue/queue.constants';
import { REDIS } from '../../infra/redis/redis.module';

export interface RunEvent {
  runId: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  measurementId: string;
  /** The project of the measurement's sample; a stream delivers an event only to its project's members (and ADMIN). */
  projectId: string | null;
  analyzer: string;
  at: string;
  error?: string;
}

/** Publishes run status changes on Redis pub/sub; the API's SSE endpoint relays them. Best effort: the database is the record. */
@Injectable()
export class RunEventsPublisher {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Env,
  ) {}

  async emit(event: Omit<RunEvent, 'at'>): Promise<void> {
    try {
      await this.redis.publish(runEventsChannel(this.env.QUEUE_PREFIX), JSON.stringify({ ...event, at: new Date().toISOString() }));
    } catch {
      // Redis down: listeners miss a live update, nothing is lost.
    }
  }
}
