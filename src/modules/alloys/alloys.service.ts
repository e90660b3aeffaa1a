import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { Alloy, AlloysRepository } from './alloys.repository';
import { CreateAlloyDto } from './dto/create-alloy.dto';

@Injectable()
export class AlloysService {
  constructor(
    private readonly alloys: AlloysRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateAlloyDto, user: AuthUser): Promise<Alloy> {
    if (dto.txK <= dto.tgK) throw fieldError('txK', `must lie above tgK (${dto.tgK} K)`);
    return this.db.transaction(async (trx) => {
      const alloy = await this.alloys.create(trx, dto);
      await this.audit.record(trx, user.id, 'alloy.create', 'Alloy', alloy.id, dto);
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
