import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../common/domain-error';
import { Database, Executor } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { hashPassword } from '../auth/password';
import { MembershipCache } from '../projects/membership-cache';
import { ProjectsRepository } from '../projects/projects.repository';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { PublicUser, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly projects: ProjectsRepository,
    private readonly memberships: MembershipCache,
  ) {}

  async create(dto: CreateUserDto, actor: AuthUser | null): Promise<PublicUser> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (trx) => {
      const user = await this.users.create(trx, { email: dto.email.toLowerCase(), name: dto.name, role: dto.role, passwordHash });
      await this.audit.record(trx, actor?.id ?? null, 'user.create', 'User', user.id, { email: user.email, role: user.role });
      return user;
    });
  }

  /**
   * Changes a user's role, name or disabled flag. The last active administrator can be neither
   * demoted nor disabled (409), so the instance always keeps someone who can manage it. A demotion
   * to MEMBER also makes the user MEMBER in every project where they were PI (audited per project),
   * so the PI powers go with the global role; an ADMIN may give a project's PI role back afterwards.
   * Every API replica forgets the user's cached memberships once the change is committed.
   * `alsoInTransaction` sees the user before and after, inside the same transaction (the
   * account service ends the user's sessions there: AccountService.updateUser).
   */
  async update(
    id: string,
    dto: UpdateUserDto,
    actor: AuthUser,
    alsoInTransaction: (trx: Executor, before: PublicUser, after: PublicUser) => Promise<void> = async () => undefined,
  ): Promise<PublicUser> {
    const { before, user } = await this.db.transaction(async (trx) => {
      const admins = await this.users.lockActiveAdmins(trx);
      const leavesAdmins = (dto.role !== undefined && dto.role !== 'ADMIN') || dto.disabled === true;
      if (leavesAdmins && admins.includes(id) && admins.length === 1) {
        throw new DomainError('CONFLICT', 'this is the last active administrator: make another user ADMIN first', dto.disabled ? 'disabled' : 'role');
      }
      const before = await this.users.findById(id, trx);
      if (!before) throw notFound('user', id);
      const changes = { role: dto.role, disabled: dto.disabled, name: dto.name };
      const user = await this.users.update(trx, id, changes);
      if (!user) throw notFound('user', id);
      await alsoInTransaction(trx, before, user);
      await this.audit.record(trx, actor.id, 'user.update', 'User', id, changes);
      if (user.role === 'MEMBER' && before.role !== 'MEMBER') {
        for (const projectId of await this.projects.lowerPiRoles(trx, id)) {
          await this.audit.record(trx, actor.id, 'project.member-set', 'Project', projectId, {
            userId: id,
            email: user.email,
            role: 'MEMBER',
            because: 'global role MEMBER',
          });
        }
      }
      return { before, user };
    });
    if (before.role !== user.role || before.disabled !== user.disabled) await this.memberships.forget([id]);
    return user;
  }

  list(): Promise<PublicUser[]> {
    return this.users.list();
  }
}
