import { Controller, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { concatMap, filter, from, map, Observable, of } from 'rxjs';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { MembershipCache } from '../projects/membership-cache';
import { seesAllProjects } from '../projects/project-access';
import { EventStreamQuota } from './event-stream-quota';
import { RunEvent } from './run-events';
import { RunEventsStream } from './run-events.stream';

@ApiTags('analyses')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly stream: RunEventsStream,
    private readonly quota: EventStreamQuota,
    private readonly memberships: MembershipCache,
  ) {}

  /**
   * Server-sent events: every status change of an analysis run in the caller's projects (ADMIN:
   * all) as it happens (the browser's EventSource rides on the session cookie, no token in the URL). A stream stays open for hours, so each event is checked against the
   * caller's memberships as they are then (cached like every request's): a member removed from a
   * project stops receiving its events without reconnecting.
   */
  @Sse()
  @ApiQuery({ name: 'measurementId', required: false })
  events(@CurrentUser() user: AuthUser, @Query('measurementId') measurementId?: string): Observable<MessageEvent> {
    return this.quota.limit(
      user.id,
      this.stream.events().pipe(
        filter((e) => !measurementId || e.measurementId === measurementId),
        concatMap((e) => (seesAllProjects(user) ? of(e) : from(this.deliverable(user.id, e)))),
        filter((e): e is RunEvent => e !== undefined),
        map((e) => ({ type: 'run', id: `${e.runId}:${e.status}`, data: e })),
      ),
    );
  }

  /** The event when the user is a member of its project now; an event without a project (an older worker's) goes to ADMIN only. */
  private async deliverable(userId: string, e: RunEvent): Promise<RunEvent | undefined> {
    if (!e.projectId) return undefined;
    const mine = await this.memberships.of(userId);
    return mine.some((m) => m.projectId === e.projectId) ? e : undefined;
  }
}
