import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { Env } from '../../config/env';
import { runEventsChannel } from '../../infra/queue/queue.constants';
import { RunEvent } from './run-events';

/** One Redis subscription per API process, fanned out to every SSE client. */
@Injectable()
export class RunEventsStream implements OnModuleDestroy {
  private readonly subject = new Subject<RunEvent>();
  private subscriber?: Redis;

  constructor(private readonly env: Env) {}

  events(): Observable<RunEvent> {
    if (!this.subscriber) {
      this.subscriber = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
      void this.subscriber.subscribe(runEventsChannel(this.env.QUEUE_PREFIX)).catch(() => undefined);
      this.subscriber.on('message', (_channel: string, message: string) => {
        try {
          this.subject.next(JSON.parse(message) as RunEvent);
        } catch {
          // not ours
        }
      });
    }
    return this.subject.asObservable();
  }

  onModuleDestroy(): void {
    this.subject.complete();
    this.subscriber?.disconnect();
  }
}
