import { Module } from '@nestjs/common';
import { AlloysModule } from '../alloys/alloys.module';
import { AuditModule } from '../audit/audit.module';
import { ProjectAccessModule } from '../projects/project-access.module';
import { SamplesRepository } from './samples.repository';
import { SamplesService } from './samples.service';

@Module({
  imports: [AlloysModule, AuditModule, ProjectAccessModule],
  providers: [SamplesRepository, SamplesService],
  exports: [SamplesRepository, SamplesService],
})
export class SamplesModule {}
