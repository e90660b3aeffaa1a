import { Injectable, Logger } from '@nestjs/common';
import { Env } from '../../config/env';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { hashPassword } from '../auth/password';
import { CreateUserDto } from './dto/create-user.dto';
import { PublicUser, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {}

  async create(dto: CreateUserDto, actor: AuthUser | null): Promise<PublicUser> {
    const passwordHash = await hashPassword(dto.password);
    return this.prisma.$transaction(async (tx) => {
      const user = await this.users.create(tx, { email: dto.email.toLowerCase(), name: dto.name, role: dto.role, passwordHash });
      await this.audit.record(tx, actor?.id ?? null, 'user.create', 'User', user.id, { email: user.email, role: user.role });
      return user;
    });
  }

  list(): Promise<PublicUser[]> {
    return this.users.list();
  }

  /** Creates the administrator named by ADMIN_EMAIL/ADMIN_PASSWORD when no such user exists. */
  async ensureAdmin(): Promise<void> {
    const email = this.env.ADMIN_EMAIL.toLowerCase();
    if (await this.users.findByEmail(email)) return;
    try {
      await this.create({ email, name: 'Administrator', role: 'ADMIN', password: this.env.ADMIN_PASSWORD }, null);
      this.logger.log(`created administrator ${email}`);
    } catch (e) {
      // Another API replica created it first.
      if ((e as { code?: string }).code !== 'P2002') throw e;
    }
  }
}
