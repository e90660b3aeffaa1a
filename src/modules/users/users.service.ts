import { Injectable } from '@nestjs/common';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { hashPassword } from '../auth/password';
import { CreateUserDto } from './dto/create-user.dto';
import { PublicUser, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateUserDto, actor: AuthUser | null): Promise<PublicUser> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (trx) => {
      const user = await this.users.create(trx, { email: dto.email.toLowerCase(), name: dto.name, role: dto.role, passwordHash });
      await this.audit.record(trx, actor?.id ?? null, 'user.create', 'User', user.id, { email: user.email, role: user.role });
      return user;
    });
  }

  list(): Promise<PublicUser[]> {
    return this.users.list();
  }
}
