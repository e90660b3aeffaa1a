import { Injectable } from '@nestjs/common';
import { Role, User } from '@prisma/client';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'createdAt'>;
const PUBLIC = { id: true, email: true, name: true, role: true, createdAt: true } as const;

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  get db(): Db {
    return this.prisma;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  /** The user a token names, as they are now (role included); null when no such user. */
  findById(id: string): Promise<PublicUser | null> {
    return this.prisma.user.findUnique({ where: { id }, select: PUBLIC });
  }

  async findByApiTokenHash(tokenHash: string): Promise<PublicUser | null> {
    const token = await this.prisma.apiToken.findUnique({ where: { tokenHash }, select: { user: { select: PUBLIC } } });
    return token?.user ?? null;
  }

  create(db: Db, data: { email: string; name: string; role: Role; passwordHash: string }): Promise<PublicUser> {
    return db.user.create({ data, select: PUBLIC });
  }

  /** Replaces a password hash (a rehash at login moves old hashes to today's scrypt cost). */
  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.prisma.user.update({ where: { id }, data: { passwordHash } });
  }

  list(): Promise<PublicUser[]> {
    return this.prisma.user.findMany({ select: PUBLIC, orderBy: { createdAt: 'asc' } });
  }

  createApiToken(userId: string, name: string, tokenHash: string): Promise<{ id: string }> {
    return this.prisma.apiToken.create({ data: { userId, name, tokenHash }, select: { id: true } });
  }
}
