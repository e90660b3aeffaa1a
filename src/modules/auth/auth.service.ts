import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../common/domain-error';
import { Env } from '../../config/env';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { AuthUser } from './auth.decorators';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { LoginLimiter } from './login-limiter';
import { ShortCache } from './short-cache';

const API_TOKEN_PREFIX = 'vt_';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  /** Token subject → the user as the database last said (or null), for AUTH_USER_CACHE_MS. */
  private readonly currentUsers: ShortCache<AuthUser | null>;
  private readonly maxLifetimeS: number;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly db: Database,
    private readonly limiter: LoginLimiter,
    env: Env,
  ) {
    this.currentUsers = new ShortCache(env.AUTH_USER_CACHE_MS);
    this.maxLifetimeS = env.JWT_TTL_S;
  }

  async login(email: string, password: string, clientAddress: string): Promise<{ accessToken: string; tokenType: 'Bearer' }> {
    const account = email.toLowerCase();
    await this.limiter.admit(clientAddress, account);
    const user = await this.users.findByEmail(account);
    // An unknown email costs the same scrypt as a known one, so the answer's timing does not tell them apart.
    const { ok, needsRehash } = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await this.limiter.failed(account);
      throw new DomainError('INVALID_CREDENTIALS', 'email or password is wrong', 'password');
    }
    await this.limiter.succeeded(account);
    if (needsRehash) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role });
    return { accessToken, tokenType: 'Bearer' };
  }

  /** A long-lived token for scripts and instruments; the secret is shown once and stored hashed. */
  async createApiToken(user: AuthUser, name: string): Promise<{ id: string; name: string; token: string }> {
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return this.db.transaction(async (trx) => {
      const row = await this.users.createApiToken(trx, user.id, name, sha256(token));
      await this.audit.record(trx, user.id, 'api-token.create', 'ApiToken', row.id, { name });
      return { id: row.id, name, token };
    });
  }

  /**
   * Resolves a bearer token (API token or JWT) to the user as they are now, or undefined. A JWT
   * only names its subject: the role comes from the database (cached a few seconds), so a
   * token for a deleted user, or a forged role claim, buys nothing.
   */
  async authenticate(bearer: string): Promise<AuthUser | undefined> {
    if (bearer.startsWith(API_TOKEN_PREFIX)) {
      const user = await this.users.findByApiTokenHash(sha256(bearer));
      return user ? { id: user.id, email: user.email, role: user.role } : undefined;
    }
    let claims: { sub?: unknown; iat?: unknown; exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<typeof claims>(bearer);
    } catch {
      return undefined;
    }
    // login() always sets iat and exp at most JWT_TTL_S apart; a token that lives longer was not made here.
    const { sub, iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > this.maxLifetimeS) return undefined;
    if (typeof sub !== 'string' || !UUID.test(sub)) return undefined;
    const user = await this.currentUsers.get(sub, async () => {
      const row = await this.users.findById(sub);
      return row ? { id: row.id, email: row.email, role: row.role } : null;
    });
    return user ?? undefined;
  }
}
