import { Module } from '@nestjs/common';
import { AlloysModule } from '../alloys/alloys.module';
import { AuditModule } from '../audit/audit.module';
import { ProjectAccessModule } from '../projects/project-access.module';
import { SamplesModule } from '../samples/samples.module';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [SamplesModule, AlloysModule, AuditModule, ProjectAccessModule],
  providers: [CampaignsRepository, CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
