import { Module } from '@nestjs/common';
import { MembershipCache } from './membership-cache';
import { ProjectsRepository } from './projects.repository';

/** What the auth guard and the scoped modules need of projects: memberships and the list of projects. */
@Module({ providers: [ProjectsRepository, MembershipCache], exports: [ProjectsRepository, MembershipCache] })
export class ProjectAccessModule {}
