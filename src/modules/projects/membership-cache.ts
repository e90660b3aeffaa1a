import { Injectable } from '@nestjs/common';
import { Env } from '../../config/env';
import { RedisBroadcast } from '../../infra/redis/redis-broadcast';
import { ShortCache } from '../auth/short-cache';
import type { ProjectMembership } from './project-access';
import { ProjectsRepository } from './projects.repository';

/** The broadcast topic: channel `<QUEUE_PREFIX>:memberships-changed`, carrying user ids. */
const TOPIC = 'memberships-changed';

/**
 * Each request's memberships, remembered per user for AUTH_USER_CACHE_MS like the session's
 * user, so a burst of requests costs one query. A change forgets the user's entry here at once
 * and, announced over Redis, on every other API replica too; with Redis down the others see it
 * within AUTH_USER_CACHE_MS.
 */
@Injectable()
export class MembershipCache {
  private readonly byUser: ShortCache<ProjectMembership[]>;

  constructor(
    private readonly projects: ProjectsRepository,
    private readonly broadcast: RedisBroadcast,
    env: Env,
  ) {
    this.byUser = new ShortCache(env.AUTH_USER_CACHE_MS);
    broadcast.on(TOPIC, (ids) => {
      if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') this.byUser.delete(id);
    });
  }

  of(userId: string): Promise<ProjectMembership[]> {
    return this.byUser.get(userId, () => this.projects.membershipsOf(userId));
  }

  /** Call after the change is committed, so no replica reloads the old rows; never fails the caller. */
  async forget(userIds: string[]): Promise<void> {
    for (const id of userIds) this.byUser.delete(id);
    if (userIds.length > 0) await this.broadcast.publish(TOPIC, userIds);
  }
}
