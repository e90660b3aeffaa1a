import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { defer, finalize, Observable } from 'rxjs';
import { Env } from '../../config/env';

/**
 * At most SSE_MAX_PER_USER open event streams per user in this API process: each holds a socket
 * and a subscription for as long as the client likes, so one token must not open thousands.
 */
@Injectable()
export class EventStreamQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly env: Env) {}

  /** `stream` counted against `userId` while it is subscribed; 429 when the user already has the maximum open. */
  limit<T>(userId: string, stream: Observable<T>): Observable<T> {
    const max = this.env.SSE_MAX_PER_USER;
    if ((this.open.get(userId) ?? 0) >= max) {
      throw new HttpException(
        { message: `at most ${max} event streams may be open per user; close one first`, field: 'authorization' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // Counted from now (not on subscribe), so a burst of requests cannot all pass the check before any subscribes.
    this.open.set(userId, (this.open.get(userId) ?? 0) + 1);
    return defer(() => stream).pipe(
      finalize(() => {
        const left = (this.open.get(userId) ?? 1) - 1;
        if (left > 0) this.open.set(userId, left);
        else this.open.delete(userId);
      }),
    );
  }
}
