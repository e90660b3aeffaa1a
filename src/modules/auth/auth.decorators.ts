import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role, TokenScope } from '../../infra/database/schema';
import type { ProjectMembership } from '../projects/project-access';

export const IS_PUBLIC = 'vitrack:public';
export const MIN_ROLE = 'vitrack:min-role';
export const UPLOAD_SCOPE = 'vitrack:upload-scope';

/** Route needs no token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Route needs at least this role; roles are ordered MEMBER < PI < ADMIN. */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE, role);

export const PROJECT_PI = 'vitrack:project-pi';

/**
 * Route for a PI of the record's project (or ADMIN): the service checks the role in that project;
 * the guard first refuses (403, before the body is read) a caller who is PI in no project at all.
 */
export const ProjectPi = () => SetMetadata(PROJECT_PI, true);

/** Route an API token of scope UPLOAD may call: creating a measurement and adding its file (an instrument PC), and the reads that needs. */
export const UploadScope = () => SetMetadata(UPLOAD_SCOPE, true);

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  /** The login session (JWT or cookie) the request came with; absent for API tokens. */
  sessionId?: string;
  /** The API token's id and scope; absent for logins. */
  apiTokenId?: string;
  scope?: TokenScope;
  /** The user's projects and role in each, as the database says now (cached for AUTH_USER_CACHE_MS, forgotten on a change here). */
  projects: readonly ProjectMembership[];
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user);

export const ROLE_RANK: Record<Role, number> = { MEMBER: 1, PI: 2, ADMIN: 3 };

/** Whether `role` is at least `minRole`; a role outside the ranking (a typo, a forged claim) never is. */
export const hasRole = (role: string, minRole: Role): boolean => Object.hasOwn(ROLE_RANK, role) && ROLE_RANK[role as Role] >= ROLE_RANK[minRole];
