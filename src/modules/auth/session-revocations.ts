import { Injectable } from '@nestjs/common';
import { RedisBroadcast } from '../../infra/redis/redis-broadcast';

/** The broadcast topic: channel `<QUEUE_PREFIX>:sessions-revoked`. */
const TOPIC = 'sessions-revoked';

/**
 * Tells every API process which sessions were just revoked (logout, a password change or reset,
 * a user disabled or given another role), so each forgets its cached copy at once instead of
 * honouring it for up to AUTH_USER_CACHE_MS. With Redis down the message is lost and the cache's
 * lifetime still bounds how long a revoked session works.
 */
@Injectable()
export class SessionRevocations {
  constructor(private readonly broadcast: RedisBroadcast) {}

  /** Calls `listener` with the ids every process (this one included) announces. */
  onRevoked(listener: (sessionIds: string[]) => void): void {
    this.broadcast.on(TOPIC, (ids) => {
      if (Array.isArray(ids)) listener(ids.filter((id): id is string => typeof id === 'string'));
    });
  }

  /** Announces revoked sessions; never fails the request that revoked them. */
  async announce(sessionIds: string[]): Promise<void> {
    if (sessionIds.length > 0) await this.broadcast.publish(TOPIC, sessionIds);
  }
}
