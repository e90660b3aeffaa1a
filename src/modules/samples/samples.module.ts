import { Module } from '@nestjs/common';
import { AlloysModule } from '../alloys/alloys.module';
import { AuditModule } from '../audit/audit.module';
import { SamplesRepository } from './samples.repository';
import { SamplesService } from './samples.service';

@Module({ imports: [AlloysModule, AuditModule], providers: [SamplesRepository, SamplesService], exports: [SamplesRepository, SamplesService] })
export class SamplesModule {}
