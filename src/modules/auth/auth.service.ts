import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { AuthUser } from './auth.decorators';
import { verifyPassword } from './password';

const API_TOKEN_PREFIX = 'vt_';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer' }> {
    const user = await this.users.findByEmail(email.toLowerCase());
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new DomainError('INVALID_CREDENTIALS', 'email or password is wrong', 'password');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role });
    return { accessToken, tokenType: 'Bearer' };
  }

  /** A long-lived token for scripts and instruments; the secret is shown once and stored hashed. */
  async createApiToken(user: AuthUser, name: string): Promise<{ id: string; name: string; token: string }> {
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.users.createApiToken(user.id, name, sha256(token));
    await this.audit.record(this.users.db, user.id, 'api-token.create', 'ApiToken', row.id, { name });
    return { id: row.id, name, token };
  }

  /** Resolves a bearer token (API token or JWT) to a user, or undefined. */
  async authenticate(bearer: string): Promise<AuthUser | undefined> {
    if (bearer.startsWith(API_TOKEN_PREFIX)) {
      const user = await this.users.findByApiTokenHash(sha256(bearer));
      return user ? { id: user.id, email: user.email, role: user.role } : undefined;
    }
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string; email: string; role: AuthUser['role'] }>(bearer);
      return { id: claims.sub, email: claims.email, role: claims.role };
    } catch {
      return undefined;
    }
  }
}
