import { ForbiddenException, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import type { TokenScope } from '../../infra/database/schema';
import { AuditService } from '../audit/audit.service';
import { ApiTokenInfo, ApiTokensRepository } from './api-tokens.repository';
import { AuthUser } from './auth.decorators';

const API_TOKEN_PREFIX = 'vt_';
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A token lives this long unless asked otherwise, and never longer than the cap, days. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

/** lastUsedAt is written at most this often per token (per process), ms: not one UPDATE per request. */
export const LAST_USED_WRITE_MS = 60_000;

/** Long-lived tokens for scripts and instruments: shown once, stored hashed, expiring, scoped, revocable. */
@Injectable()
export class ApiTokensService {
  /** Token id → when this process last wrote its lastUsedAt (epoch ms). */
  private readonly lastWritten = new Map<string, number>();

  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  isApiToken(bearer: string): boolean {
    return bearer.startsWith(API_TOKEN_PREFIX);
  }

  async create(user: AuthUser, name: string, scope: TokenScope, expiresInDays = API_TOKEN_DEFAULT_DAYS): Promise<ApiTokenInfo & { token: string }> {
    if (user.scope) throw new ForbiddenException({ message: 'an API token cannot make API tokens; sign in', field: 'authorization' });
    if (expiresInDays > API_TOKEN_MAX_DAYS) throw fieldError('expiresInDays', `must be at most ${API_TOKEN_MAX_DAYS}`);
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
    return this.db.transaction(async (trx) => {
      const row = await this.tokens.create(trx, { userId: user.id, name, tokenHash: sha256(token), scope, expiresAt });
      await this.audit.record(trx, user.id, 'api-token.create', 'ApiToken', row.id, { name, scope, expiresAt });
      return { ...row, token };
    });
  }

  list(user: AuthUser): Promise<ApiTokenInfo[]> {
    return this.tokens.listOf(user.id);
  }

  async revoke(user: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const gone = await this.tokens.deleteOwn(trx, user.id, id);
      if (!gone) throw notFound('API token', id);
      await this.audit.record(trx, user.id, 'api-token.revoke', 'ApiToken', id, { name: gone.name });
    });
    this.lastWritten.delete(id);
  }

  /** The token's user and scope when the token is live; records its use at most once a minute. */
  async authenticate(bearer: string): Promise<Omit<AuthUser, 'projects'> | undefined> {
    const row = await this.tokens.findLive(sha256(bearer));
    if (!row) return undefined;
    const now = Date.now();
    if (now - (this.lastWritten.get(row.tokenId) ?? 0) >= LAST_USED_WRITE_MS) {
      this.lastWritten.set(row.tokenId, now);
      if (this.lastWritten.size > 10_000) this.lastWritten.clear();
      // Not awaited: the request need not wait for bookkeeping; a failed write is tried again next minute.
      this.tokens.touch(row.tokenId).catch(() => this.lastWritten.delete(row.tokenId));
    }
    return { id: row.id, email: row.email, role: row.role, apiTokenId: row.tokenId, scope: row.scope };
  }
}
