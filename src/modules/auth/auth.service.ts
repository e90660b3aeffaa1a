import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../../common/domain-error';
import { Env } from '../../config/env';
import { MembershipCache } from '../projects/membership-cache';
import { UsersRepository } from '../users/users.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthUser } from './auth.decorators';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { LoginLimiter } from './login-limiter';
import { csrfTokenFor } from './session-cookie';
import { SessionRevocations } from './session-revocations';
import { SessionsRepository } from './sessions.repository';
import { ShortCache } from './short-cache';
import { SessionClaims, VerifiedTokens } from './verified-tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: Date;
  csrfToken: string;
  user: { id: string; email: string; name: string; role: AuthUser['role'] };
  /** For the controller's Set-Cookie; not part of the response body. */
  sessionId: string;
}

@Injectable()
export class AuthService {
  /** Session id → its user as the database last said (or null: revoked, expired, disabled), for AUTH_USER_CACHE_MS. */
  private readonly liveSessions: ShortCache<Omit<AuthUser, 'projects'> | null>;
  private readonly ttlS: number;
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly revocations: SessionRevocations,
    private readonly memberships: MembershipCache,
    private readonly env: Env,
  ) {
    this.liveSessions = new ShortCache(env.AUTH_USER_CACHE_MS);
    this.ttlS = env.JWT_TTL_S;
    // Another API replica revoked these: stop honouring our cached copies now.
    revocations.onRevoked((ids) => ids.forEach((id) => this.liveSessions.delete(id)));
  }

  /** Checks the password and opens a session: a JWT naming it, sent as a bearer header or in the session cookie. */
  async login(email: string, password: string, clientAddress: string): Promise<LoginResult> {
    const account = email.toLowerCase();
    await this.limiter.admit(clientAddress, account);
    const user = await this.users.findByEmail(account);
    // An unknown email costs the same scrypt as a known one, so the answer's timing does not tell them apart.
    const { ok, needsRehash } = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await this.limiter.failed(account);
      throw new DomainError('INVALID_CREDENTIALS', 'email or password is wrong', 'password');
    }
    if (user.disabled) throw new DomainError('INVALID_CREDENTIALS', 'this account is disabled; ask an administrator', 'email');
    await this.limiter.succeeded(account);
    if (needsRehash) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    const expiresAt = new Date(Date.now() + this.ttlS * 1000);
    const sessionId = await this.sessions.create(user.id, expiresAt);
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: sessionId, email: user.email, role: user.role });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresAt,
      csrfToken: csrfTokenFor(this.env.JWT_SECRET, sessionId),
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      sessionId,
    };
  }

  /** Ends the caller's session: the JWT and the cookie stop working at once, on every replica Redis reaches. */
  async logout(user: AuthUser): Promise<void> {
    if (!user.sessionId) return;
    await this.sessions.revoke(user.sessionId);
    await this.forgetSessions([user.sessionId]);
  }

  /**
   * Forgets sessions just revoked in the database (logout, password change or reset, a user
   * disabled or re-roled), here and, through Redis, in every other API process, so they fail
   * everywhere on the next request rather than after AUTH_USER_CACHE_MS.
   */
  async forgetSessions(ids: string[]): Promise<void> {
    for (const id of ids) this.liveSessions.delete(id);
    await this.revocations.announce(ids);
  }

  /**
   * Resolves a bearer token (API token or login JWT) to the user as they are now, or undefined.
   * A JWT only names its subject and session: the role comes from the database (cached a few
   * seconds), and a revoked or expired session, a disabled or deleted user, or a forged role
   * claim buys nothing.
   */
  async authenticate(bearer: string): Promise<AuthUser | undefined> {
    const user = await this.resolve(bearer);
    // An API token acts within its user's projects, like a login.
    return user && { ...user, projects: await this.memberships.of(user.id) };
  }

  private async resolve(bearer: string): Promise<Omit<AuthUser, 'projects'> | undefined> {
    if (this.tokens.isApiToken(bearer)) return this.tokens.authenticate(bearer);
    const claims = this.verified.get(bearer) ?? (await this.verify(bearer));
    if (!claims) return undefined;
    const { sub, sid } = claims;
    const user = await this.liveSessions.get(sid, async () => {
      const row = await this.sessions.liveUser(sid, sub);
      return row ? { id: row.id, email: row.email, role: row.role, sessionId: sid } : null;
    });
    return user && user.id === sub ? user : undefined;
  }

  /** A login JWT's subject and session once its signature and claims pass (then remembered until it expires), or undefined. */
  private async verify(bearer: string): Promise<SessionClaims | undefined> {
    let claims: { sub?: unknown; sid?: unknown; iat?: unknown; exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<typeof claims>(bearer);
    } catch {
      return undefined;
    }
    // login() always sets iat and exp at most JWT_TTL_S apart; a token that lives longer was not made here.
    const { sub, sid, iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > this.ttlS) return undefined;
    if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) return undefined;
    // verifyAsync also refuses a token past iat + JWT_TTL_S (maxAge); exp is never later, as checked above.
    const verified = { sub, sid, validUntilS: exp };
    this.verified.set(bearer, verified);
    return verified;
  }
}
