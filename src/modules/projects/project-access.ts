import { ForbiddenException } from '@nestjs/common';
import { DomainError, notFound } from '../../common/domain-error';
import type { ProjectRole, Role } from '../../infra/database/schema';

/** One of the caller's projects and the role the caller has there. */
export interface ProjectMembership {
  projectId: string;
  projectName: string;
  role: ProjectRole;
}

/**
 * Who is asking, as far as projects go: the global role (ADMIN sees and manages every project;
 * PI and MEMBER only say which role a user gets by default when added to a project) and the
 * memberships. Every request's AuthUser is one.
 */
export interface Viewer {
  role: Role;
  projects: readonly ProjectMembership[];
}

/** The system itself (share links, the worker, start-up jobs): every project. */
export const SYSTEM_VIEWER: Viewer = { role: 'ADMIN', projects: [] };

export const seesAllProjects = (v: Viewer): boolean => v.role === 'ADMIN';

/** The projects whose records `v` may read and change, or undefined for every project (ADMIN). */
export const visibleProjectIds = (v: Viewer): string[] | undefined => (seesAllProjects(v) ? undefined : v.projects.map((p) => p.projectId));

export const canSee = (v: Viewer, projectId: string): boolean => seesAllProjects(v) || v.projects.some((p) => p.projectId === projectId);

/** `v`'s role in the project: ADMIN everywhere for a global ADMIN, undefined for a project `v` is not in. */
export function roleIn(v: Viewer, projectId: string): Role | undefined {
  if (seesAllProjects(v)) return 'ADMIN';
  return v.projects.find((p) => p.projectId === projectId)?.role;
}

/** Whether `v` is a PI of the project (or ADMIN): campaigns, Tg overrides, others' retractions, share links. */
export const isPiIn = (v: Viewer, projectId: string): boolean => {
  const role = roleIn(v, projectId);
  return role === 'PI' || role === 'ADMIN';
};

/**
 * A record of a project `v` is not in answers exactly like a record that does not exist, so a
 * 404 tells nothing about other groups' work. `projectId` undefined means the record was not found.
 */
export function assertVisible(v: Viewer, projectId: string | null | undefined, entity: string, id: string, field = 'id'): asserts projectId is string {
  if (!projectId || !canSee(v, projectId)) throw notFound(entity, id, field);
}

/** 403 unless `v` is a PI of the record's project (or ADMIN); the message names the role `v` has there. */
export function requirePiIn(v: Viewer, projectId: string, action: string, field = 'authorization'): void {
  if (isPiIn(v, projectId)) return;
  const role = roleIn(v, projectId) ?? 'not a member';
  throw new ForbiddenException({ message: `${action} needs the PI role in this record's project; you are ${role} there`, field });
}

/**
 * The project a new ingot or campaign goes to: the one named, which the caller must be in (a
 * project the caller is not in is a 404 naming it, like one that does not exist), or, when none is
 * named, the caller's only project. A caller in several projects (ADMIN: when several exist) must
 * name one (422 naming projectId). `allProjects` lists every project, for ADMIN.
 */
export function chooseProject(v: Viewer, projectId: string | undefined, allProjects: () => Promise<string[]>): Promise<string> {
  return (async () => {
    if (projectId) {
      if (seesAllProjects(v) ? !(await allProjects()).includes(projectId) : !canSee(v, projectId)) throw notFound('project', projectId, 'projectId');
      return projectId;
    }
    const mine = seesAllProjects(v) ? await allProjects() : v.projects.map((p) => p.projectId);
    if (mine.length === 1) return mine[0];
    throw new DomainError(
      'PROJECT_REQUIRED',
      mine.length === 0
        ? 'you are not a member of any project: ask an administrator to add you to one'
        : 'you are in several projects: say which one (projectId)',
      'projectId',
    );
  })();
}
