import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AlloysRepository } from './alloys.repository';
import { AlloysService } from './alloys.service';

@Module({ imports: [AuditModule], providers: [AlloysRepository, AlloysService], exports: [AlloysService] })
export class AlloysModule {}
