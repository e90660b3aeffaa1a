import { Injectable } from '@nestjs/common';
import { Alloy } from '@prisma/client';
import { notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { AlloysRepository } from './alloys.repository';
import { CreateAlloyDto } from './dto/create-alloy.dto';

@Injectable()
export class AlloysService {
  constructor(
    private readonly alloys: AlloysRepository,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateAlloyDto, user: AuthUser): Promise<Alloy> {
    if (dto.txK <= dto.tgK) throw fieldError('txK', `must lie above tgK (${dto.tgK} K)`);
    return this.prisma.$transaction(async (tx) => {
      const alloy = await this.alloys.create(tx, dto);
      await this.audit.record(tx, user.id, 'alloy.create', 'Alloy', alloy.id, dto);
      return alloy;
    });
  }

  list(): Promise<Alloy[]> {
    return this.alloys.list();
  }

  async get(id: string, field = 'id'): Promise<Alloy> {
    const alloy = await this.alloys.find(id);
    if (!alloy) throw notFound('alloy', id, field);
    return alloy;
  }
}
