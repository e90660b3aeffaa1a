import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../../infra/database/schema';
import { AuthUser, hasRole, IS_PUBLIC, MIN_ROLE } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Browsers cannot set headers on EventSource or on a link to a report page, so those read-only
 * views alone also take `?access_token=` (redacted from the logs, see logging.module.ts).
 */
const QUERY_TOKEN_ROUTES = [/^\/api\/events(\?|$)/, /^\/api\/campaigns\/[^/]+\/report\.(html|svg|csv)(\?|$)/];
const takesQueryToken = (method: string, url: string) => method === 'GET' && QUERY_TOKEN_ROUTES.some((r) => r.test(url));

/** What the guard reads of the Fastify request, and the user it attaches for @CurrentUser(). */
interface GuardedRequest {
  method: string;
  url?: string;
  headers?: { authorization?: string };
  query?: { access_token?: string };
  user?: AuthUser;
}

/** Global guard: every route needs a bearer token unless marked @Public(); @MinRole() adds a role floor. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<GuardedRequest>();
    const header = req.headers?.authorization;
    const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? (takesQueryToken(req.method, String(req.url ?? '')) ? req.query?.access_token : undefined);
    if (!bearer) throw new UnauthorizedException({ message: 'a bearer token is required', field: 'authorization' });
    const user = await this.auth.authenticate(bearer.trim());
    if (!user) throw new UnauthorizedException({ message: 'the token is invalid or expired', field: 'authorization' });
    req.user = user;
    const minRole = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minRole && !hasRole(user.role, minRole)) {
      throw new ForbiddenException({ message: `this action needs the ${minRole} role; you are ${user.role}`, field: 'authorization' });
    }
    return true;
  }
}
