import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor } from '../../infra/database/database';
import type { ProjectRole } from '../../infra/database/schema';
import type { ProjectMembership } from './project-access';

export interface ProjectRow {
  id: string;
  name: string;
  createdAt: Date;
}

export interface ProjectMemberRow {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
  addedAt: Date;
}

/** The only place that touches projects and project_members. */
@Injectable()
export class ProjectsRepository {
  constructor(private readonly database: Database) {}

  create(db: Executor, name: string): Promise<ProjectRow> {
    return db.insertInto('projects').values({ id: randomUUID(), name }).returning(['id', 'name', 'createdAt']).executeTakeFirstOrThrow();
  }

  async find(id: string, db: Executor = this.database.kysely): Promise<ProjectRow | undefined> {
    return db.selectFrom('projects').select(['id', 'name', 'createdAt']).where('id', '=', id).executeTakeFirst();
  }

  list(): Promise<ProjectRow[]> {
    return this.database.kysely.selectFrom('projects').select(['id', 'name', 'createdAt']).orderBy('name').execute();
  }

  async allIds(): Promise<string[]> {
    return (await this.database.kysely.selectFrom('projects').select('id').execute()).map((r) => r.id);
  }

  /** The user's projects and role in each, by project name (one indexed statement, cached per request burst). */
  async membershipsOf(userId: string): Promise<ProjectMembership[]> {
    return membershipsOf(this.database.kysely, userId);
  }

  members(projectId: string): Promise<ProjectMemberRow[]> {
    return this.database.kysely
      .selectFrom('project_members as pm')
      .innerJoin('users as u', 'u.id', 'pm.userId')
      .select(['pm.userId', 'u.email', 'u.name', 'pm.role', 'pm.createdAt as addedAt'])
      .where('pm.projectId', '=', projectId)
      .orderBy('u.email')
      .execute();
  }

  /** Adds the user to the project or changes their role there. */
  async setMember(db: Executor, projectId: string, userId: string, role: ProjectRole): Promise<void> {
    await db
      .insertInto('project_members')
      .values({ projectId, userId, role })
      .onConflict((oc) => oc.columns(['projectId', 'userId']).doUpdateSet({ role }))
      .execute();
  }

  /** Makes the user MEMBER wherever they were PI (a global demotion to MEMBER); the projects changed. */
  async lowerPiRoles(db: Executor, userId: string): Promise<string[]> {
    const rows = await db
      .updateTable('project_members')
      .set({ role: 'MEMBER' })
      .where('userId', '=', userId)
      .where('role', '=', 'PI')
      .returning('projectId')
      .execute();
    return rows.map((r) => r.projectId);
  }

  /** Whether the user was a member (and is no longer). */
  async removeMember(db: Executor, projectId: string, userId: string): Promise<boolean> {
    const rows = await db.deleteFrom('project_members').where('projectId', '=', projectId).where('userId', '=', userId).returning('userId').execute();
    return rows.length > 0;
  }
}

const membershipsOf = compileOnce((db: Executor, userId: string) =>
  db
    .selectFrom('project_members as pm')
    .innerJoin('projects as p', 'p.id', 'pm.projectId')
    .select(['pm.projectId', 'p.name as projectName', 'pm.role'])
    .where('pm.userId', '=', userId)
    .orderBy('p.name'),
);
