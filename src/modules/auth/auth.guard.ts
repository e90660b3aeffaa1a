import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Env } from '../../config/env';
import { Role } from '../../infra/database/schema';
import { AuthUser, hasRole, IS_PUBLIC, MIN_ROLE, PROJECT_PI, UPLOAD_SCOPE } from './auth.decorators';
import { AuthService } from './auth.service';
import { CSRF_HEADER, csrfTokenMatches, readCookie, SAFE_METHODS, SESSION_COOKIE } from './session-cookie';

/**
 * Global guard: every route needs credentials unless marked @Public(): a bearer token (login JWT or
 * API token) in the Authorization header, or the browser's session cookie. A cookie-carried
 * request that changes something must also carry the session's CSRF token in X-CSRF-Token (a
 * bearer header cannot be sent by another site, so those are exempt). No token is ever taken
 * from the query string. @MinRole() adds a role floor; an API token's scope narrows it further.
 */
/** What the guard reads of the Fastify request, and the user it attaches for @CurrentUser(). */
interface GuardedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

/** A route's access rules, from its handler's and controller's decorators. */
interface RouteRules {
  isPublic: boolean;
  minRole?: Role;
  projectPi: boolean;
  uploadScope: boolean;
}

@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Rules per controller class and handler, read once: decorators are fixed at start, and the four
   * reflector lookups (eight metadata reads) were a cost of every request.
   */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly env: Env,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rules = this.rulesOf(ctx.getClass(), ctx.getHandler());
    if (rules.isPublic) return true;
    const req = ctx.switchToHttp().getRequest<GuardedRequest>();
    const user = await this.authenticateRequest(req);
    req.user = user;
    const { minRole } = rules;
    if (minRole && !hasRole(user.role, minRole)) {
      throw new ForbiddenException({ message: `this action needs the ${minRole} role; you are ${user.role}`, field: 'authorization' });
    }
    if (rules.projectPi && user.role !== 'ADMIN' && !user.projects.some((p) => p.role === 'PI')) {
      throw new ForbiddenException({ message: 'this action needs the PI role in the record’s project; you are PI in no project', field: 'authorization' });
    }
    this.checkScope(user, req.method, rules.uploadScope);
    return true;
  }

  private rulesOf(controller: object, handler: object): RouteRules {
    let byHandler = this.rules.get(controller);
    if (!byHandler) this.rules.set(controller, (byHandler = new WeakMap()));
    let rules = byHandler.get(handler);
    if (!rules) {
      const targets = [handler as () => void, controller as new () => unknown];
      rules = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        minRole: this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets),
        projectPi: this.reflector.getAllAndOverride<boolean>(PROJECT_PI, targets) === true,
        uploadScope: this.reflector.getAllAndOverride<boolean>(UPLOAD_SCOPE, targets) === true,
      };
      byHandler.set(handler, rules);
    }
    return rules;
  }

  /** The caller, from the bearer header or the session cookie (then with the CSRF check); 401 otherwise. */
  async authenticateRequest(req: GuardedRequest): Promise<AuthUser> {
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' ? header.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() : undefined;
    const cookie = bearer ? undefined : readCookie(req.headers.cookie as string | undefined, SESSION_COOKIE);
    if (!bearer && !cookie) throw new UnauthorizedException({ message: 'sign in, or send a bearer token', field: 'authorization' });
    const user = await this.auth.authenticate((bearer ?? cookie)!);
    if (!user || (cookie && !user.sessionId))
      throw new UnauthorizedException({ message: 'the token or session is invalid or expired', field: 'authorization' });
    if (cookie && !SAFE_METHODS.has(req.method) && !csrfTokenMatches(this.env.JWT_SECRET, user.sessionId!, req.headers[CSRF_HEADER])) {
      throw new ForbiddenException({ message: 'a request signed in by cookie must send the X-CSRF-Token header', field: CSRF_HEADER });
    }
    return user;
  }

  /** READ tokens only read; UPLOAD tokens reach the routes marked @UploadScope(); FULL and logins have their role's rights. */
  private checkScope(user: AuthUser, method: string, uploadRoute: boolean): void {
    if (user.scope === 'READ' && !SAFE_METHODS.has(method)) {
      throw new ForbiddenException({ message: 'this API token has the read scope: it can only read', field: 'authorization' });
    }
    if (user.scope === 'UPLOAD' && !uploadRoute) {
      throw new ForbiddenException({
        message: 'this API token has the upload scope: it can only create measurements, add their files and read them',
        field: 'authorization',
      });
    }
  }
}
