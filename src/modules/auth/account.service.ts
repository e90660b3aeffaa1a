import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DomainError, notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { UpdateUserDto } from '../users/dto/create-user.dto';
import { PublicUser, UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { sha256 } from './api-tokens.service';
import { AuthUser } from './auth.decorators';
import { AuthService } from './auth.service';
import { hashPassword, verifyPassword } from './password';
import { SessionsRepository } from './sessions.repository';

/** Shortest password accepted on a change or reset (NIST SP 800-63B asks for at least 8; a lab account gets 12). */
export const MIN_PASSWORD_LENGTH = 12;

/** How long a password reset an administrator issued stays redeemable, s. */
export const PASSWORD_RESET_TTL_S = 24 * 3600;
const RESET_PREFIX = 'vr_';

/** Passwords: a user's own change, and an administrator's one-time reset. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly auth: AuthService,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** Changes the caller's password; every other session of theirs ends (the one asking stays signed in). */
  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.scope) throw new DomainError('INVALID_CREDENTIALS', 'sign in to change your password; an API token cannot', 'authorization');
    const user = await this.users.findWithHash(this.db.kysely, actor.id);
    if (!user) throw notFound('user', actor.id);
    const { ok } = await verifyPassword(currentPassword, user.passwordHash);
    if (!ok) throw new DomainError('INVALID_CREDENTIALS', 'the current password is wrong', 'currentPassword');
    checkNewPassword(newPassword, user.email);
    if (newPassword === currentPassword) throw fieldError('newPassword', 'must differ from the current password');
    const hash = await hashPassword(newPassword);
    const revoked = await this.db.transaction(async (trx) => {
      await this.users.updatePasswordHash(user.id, hash, trx);
      const ids = await this.sessions.revokeAllOf(trx, user.id, actor.sessionId);
      await this.audit.record(trx, user.id, 'user.password-change', 'User', user.id, { sessionsRevoked: ids.length });
      return ids;
    });
    await this.auth.forgetSessions(revoked);
  }

  /**
   * An administrator changes a user (UsersService.update). Disabling them or changing their role
   * ends every session of theirs in the same transaction, and every API process forgets them at
   * once (AuthService.forgetSessions), so no login made under the old role (or before the account
   * was disabled) works again. API tokens are read with their
   * owner on every request: a disabled owner's stop at once, a changed role applies at once.
   */
  async updateUser(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<PublicUser> {
    let revoked: string[] = [];
    const user = await this.usersService.update(id, dto, actor, async (trx, before, after) => {
      revoked = after.disabled || after.role !== before.role ? await this.sessions.revokeAllOf(trx, id) : [];
    });
    await this.auth.forgetSessions(revoked);
    return user;
  }

  /**
   * An administrator's reset: a one-time secret, valid PASSWORD_RESET_TTL_S, returned once and
   * stored hashed; the user (or the admin for them) redeems it with POST /api/auth/password-reset.
   * The old password keeps working until then; issuing a new reset voids an unused earlier one.
   */
  async issueReset(actor: AuthUser, userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = RESET_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_S * 1000);
    await this.db.transaction(async (trx) => {
      const user = await this.users.findById(userId, trx);
      if (!user) throw notFound('user', userId);
      await this.sessions.createReset(trx, { userId, tokenHash: sha256(token), createdById: actor.id, expiresAt });
      await this.audit.record(trx, actor.id, 'user.password-reset-issue', 'User', userId, { expiresAt });
    });
    return { token, expiresAt };
  }

  /** Sets a new password with a reset secret, once; ends every session of that user. */
  async redeemReset(token: string, newPassword: string): Promise<{ email: string }> {
    const hash = await hashPassword(newPassword);
    const { email, revoked } = await this.db.transaction(async (trx) => {
      const userId = token.startsWith(RESET_PREFIX) ? await this.sessions.consumeReset(trx, sha256(token)) : null;
      if (!userId) throw new DomainError('INVALID_CREDENTIALS', 'the reset token is invalid, used or expired; ask an administrator for a new one', 'token');
      const user = await this.users.findById(userId, trx);
      if (!user) throw notFound('user', userId);
      checkNewPassword(newPassword, user.email);
      await this.users.updatePasswordHash(userId, hash, trx);
      const ids = await this.sessions.revokeAllOf(trx, userId);
      await this.audit.record(trx, null, 'user.password-reset', 'User', userId, { sessionsRevoked: ids.length });
      return { email: user.email, revoked: ids };
    });
    await this.auth.forgetSessions(revoked);
    return { email };
  }
}

function checkNewPassword(password: string, email: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw fieldError('newPassword', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.trim().toLowerCase() === email.toLowerCase()) throw fieldError('newPassword', 'must not be your email address');
}
