import { Injectable } from '@nestjs/common';
import { Env } from '../../config/env';
import { ShortCache } from '../auth/short-cache';
import type { ProjectMembership } from './project-access';
import { ProjectsRepository } from './projects.repository';

/**
 * Each request's memberships, remembered per user for AUTH_USER_CACHE_MS like the session's
 * user, so a burst of requests costs one query. A change made through this process forgets the
 * user's entry at once; other API replicas see it within AUTH_USER_CACHE_MS.
 */
@Injectable()
export class MembershipCache {
  private readonly byUser: ShortCache<ProjectMembership[]>;

  constructor(
    private readonly projects: ProjectsRepository,
    env: Env,
  ) {
    this.byUser = new ShortCache(env.AUTH_USER_CACHE_MS);
  }

  of(userId: string): Promise<ProjectMembership[]> {
    return this.byUser.get(userId, () => this.projects.membershipsOf(userId));
  }

  forget(userId: string): void {
    this.byUser.delete(userId);
  }
}
