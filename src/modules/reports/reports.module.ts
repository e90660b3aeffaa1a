import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ReportsService } from './reports.service';

@Module({ imports: [CampaignsModule], providers: [ReportsService], exports: [ReportsService] })
export class ReportsModule {}
