import { Injectable } from '@nestjs/common';
import { Alloy, Prisma } from '@prisma/client';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

@Injectable()
export class AlloysRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(db: Db, data: Omit<Prisma.AlloyCreateInput, 'samples'>): Promise<Alloy> {
    return db.alloy.create({ data });
  }

  list(): Promise<Alloy[]> {
    return this.prisma.alloy.findMany({ orderBy: { name: 'asc' } });
  }

  find(id: string): Promise<Alloy | null> {
    return this.prisma.alloy.findUnique({ where: { id } });
  }
}
