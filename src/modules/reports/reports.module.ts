import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ReportCurvesRepository } from './report-curves.repository';
import { ReportsService } from './reports.service';
import { ShareLinksRepository } from './share-links.repository';
import { ShareLinksService } from './share-links.service';

@Module({
  imports: [CampaignsModule, AuditModule],
  providers: [ReportsService, ReportCurvesRepository, ShareLinksRepository, ShareLinksService],
  exports: [ReportsService, ShareLinksService],
})
export class ReportsModule {}
