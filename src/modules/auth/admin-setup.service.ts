import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../../common/domain-error';
import { Env } from '../../config/env';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';

/** How long the setup token printed at first start stays valid, s (a restart prints a new one). */
export const ADMIN_SETUP_TTL_S = 3600;
const PURPOSE = 'admin-setup';

/**
 * The first administrator. With ADMIN_PASSWORD (or the development default) it is created at API
 * start; in production without one, no account with a known password ever exists: the API logs
 * a short-lived signed setup token instead, and whoever holds it sets the password once through
 * POST /api/auth/setup (once the administrator exists, every setup token is refused).
 */
@Injectable()
export class AdminSetupService {
  private readonly logger = new Logger('AdminSetup');

  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly jwt: JwtService,
    private readonly env: Env,
  ) {}

  async ensureAdmin(): Promise<void> {
    const email = this.env.ADMIN_EMAIL.toLowerCase();
    if (await this.users.findByEmail(email)) return;
    if (this.env.ADMIN_PASSWORD === undefined) {
      const token = await this.jwt.signAsync({ purpose: PURPOSE, email }, { expiresIn: ADMIN_SETUP_TTL_S });
      // The one line that carries a secret on purpose: the operator reads it from the first start's log.
      this.logger.warn(
        `no administrator yet and ADMIN_PASSWORD is not set: within ${ADMIN_SETUP_TTL_S / 60} min, set the password of ${email} once with ` +
          `POST /api/auth/setup {"token": "${token}", "password": "<at least 12 characters>"} (restart the API for a new token)`,
      );
      return;
    }
    await this.createAdmin(email, this.env.ADMIN_PASSWORD);
    this.logger.log(`created administrator ${email}`);
  }

  /** Redeems a setup token: creates the administrator it names with `password`, once. */
  async completeSetup(token: string, password: string): Promise<{ email: string }> {
    let claims: { purpose?: unknown; email?: unknown };
    try {
      claims = await this.jwt.verifyAsync<typeof claims>(token, { algorithms: ['HS256'], maxAge: ADMIN_SETUP_TTL_S });
    } catch {
      throw new DomainError('INVALID_CREDENTIALS', 'the setup token is invalid or expired; restart the API for a new one', 'token');
    }
    if (claims.purpose !== PURPOSE || typeof claims.email !== 'string') throw new DomainError('INVALID_CREDENTIALS', 'this is not a setup token', 'token');
    if (await this.users.findByEmail(claims.email)) throw new DomainError('CONFLICT', 'the administrator is already set up', 'token');
    await this.createAdmin(claims.email, password, true);
    this.logger.log(`administrator ${claims.email} set up through a setup token`);
    return { email: claims.email };
  }

  private async createAdmin(email: string, password: string, racing = false): Promise<void> {
    try {
      await this.usersService.create({ email, name: 'Administrator', role: 'ADMIN', password }, null);
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
      // Another API replica (or another redemption of a setup token) created it first.
      if (racing) throw new DomainError('CONFLICT', 'the administrator is already set up', 'token');
    }
  }
}
