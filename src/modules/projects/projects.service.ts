import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/domain-error';
import { Database } from '../../infra/database/database';
import type { ProjectRole } from '../../infra/database/schema';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { UsersRepository } from '../users/users.repository';
import { MembershipResponse, ProjectMemberResponse, ProjectResponse } from './dto/project.responses';
import { SetMemberDto } from './dto/project.dto';
import { MembershipCache } from './membership-cache';
import { assertVisible, seesAllProjects } from './project-access';
import { ProjectsRepository } from './projects.repository';

/**
 * Projects and who is in them. ADMIN creates projects and sets members; every change to a
 * membership is audited and takes effect on the next request to any API replica (the member's
 * cached memberships are forgotten everywhere: MembershipCache).
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipCache,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** A taken name is a 409 naming `name` (the unique index, through the driver-error mapper). */
  create(name: string, actor: AuthUser): Promise<ProjectResponse> {
    return this.db.transaction(async (trx) => {
      const p = await this.projects.create(trx, name);
      // Managing projects is ADMIN's business: these rows are global (no project), like user management.
      await this.audit.record(trx, actor.id, 'project.create', 'Project', p.id, { name });
      return { ...p, role: null };
    });
  }

  /** ADMIN: every project (with the ADMIN's own role where a member); others: their projects, read afresh. */
  async list(viewer: AuthUser): Promise<ProjectResponse[]> {
    const mine = await this.projects.membershipsOf(viewer.id);
    const roleOf = new Map(mine.map((m) => [m.projectId, m.role]));
    const all = await this.projects.list();
    return all
      .filter((p) => seesAllProjects(viewer) || roleOf.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt, role: roleOf.get(p.id) ?? null }));
  }

  /** Who is in the project: ADMIN, or a member of that project (404 for anyone else). */
  async members(projectId: string, viewer: AuthUser): Promise<ProjectMemberResponse[]> {
    assertVisible(viewer, (await this.projects.find(projectId))?.id, 'project', projectId);
    return this.projects.members(projectId);
  }

  /** Adds a user or changes their role; the role defaults from the global one (PI or ADMIN → PI, MEMBER → MEMBER). */
  async setMember(projectId: string, dto: SetMemberDto, actor: AuthUser): Promise<MembershipResponse> {
    const result = await this.db.transaction(async (trx) => {
      const project = await this.projects.find(projectId, trx);
      if (!project) throw notFound('project', projectId);
      const user = await this.users.findById(dto.userId, trx);
      if (!user) throw notFound('user', dto.userId, 'userId');
      const role: ProjectRole = dto.role ?? (user.role === 'MEMBER' ? 'MEMBER' : 'PI');
      await this.projects.setMember(trx, projectId, user.id, role);
      await this.audit.record(trx, actor.id, 'project.member-set', 'Project', projectId, { userId: user.id, email: user.email, role });
      return { projectId, userId: user.id, role };
    });
    await this.memberships.forget([dto.userId]);
    return result;
  }

  async removeMember(projectId: string, userId: string, actor: AuthUser): Promise<void> {
    await this.db.transaction(async (trx) => {
      if (!(await this.projects.find(projectId, trx))) throw notFound('project', projectId);
      if (!(await this.projects.removeMember(trx, projectId, userId))) throw notFound(`member of project ${projectId}`, userId, 'userId');
      await this.audit.record(trx, actor.id, 'project.member-remove', 'Project', projectId, { userId });
    });
    await this.memberships.forget([userId]);
  }
}
