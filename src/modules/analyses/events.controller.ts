import { Controller, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { filter, map, Observable } from 'rxjs';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { EventStreamQuota } from './event-stream-quota';
import { RunEventsStream } from './run-events.stream';

@ApiTags('analyses')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly stream: RunEventsStream,
    private readonly quota: EventStreamQuota,
  ) {}

  /** Server-sent events: every analysis run status change as it happens. The browser's EventSource rides on the session cookie (no token in the URL). */
  @Sse()
  @ApiQuery({ name: 'measurementId', required: false })
  events(@CurrentUser() user: AuthUser, @Query('measurementId') measurementId?: string): Observable<MessageEvent> {
    return this.quota.limit(
      user.id,
      this.stream.events().pipe(
        filter((e) => !measurementId || e.measurementId === measurementId),
        map((e) => ({ type: 'run', id: `${e.runId}:${e.status}`, data: e })),
      ),
    );
  }
}
