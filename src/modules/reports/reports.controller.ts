import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CampaignId } from '../campaigns/campaigns.controller';
import { ReportsService } from './reports.service';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/report')
  json(@CampaignId() id: string) {
    return this.reports.report(id);
  }

  @Get(':id/report.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(@CampaignId() id: string) {
    return this.reports.csv(id);
  }

  @Get(':id/report.svg')
  @ApiProduces('image/svg+xml')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  svg(@CampaignId() id: string) {
    return this.reports.svg(id);
  }

  @Get(':id/report.html')
  @ApiProduces('text/html')
  @Header('content-type', 'text/html; charset=utf-8')
  html(@CampaignId() id: string) {
    return this.reports.html(id);
  }
}
