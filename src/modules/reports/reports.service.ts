import { Injectable } from '@nestjs/common';
import { CampaignsService } from '../campaigns/campaigns.service';
import { buildCampaignReport } from './report-builder';
import { CampaignReport } from './report.types';
import { renderReportCsv } from './render/report-csv';
import { renderReportHtml } from './render/report-html';
import { renderReportSvg } from './render/report-svg';

/** Campaign reports, always built from the newest successful run of each file at the time of the request. */
@Injectable()
export class ReportsService {
  constructor(private readonly campaigns: CampaignsService) {}

  async report(campaignId: string): Promise<CampaignReport> {
    return buildCampaignReport(await this.campaigns.reportInput(campaignId));
  }

  async csv(campaignId: string): Promise<string> {
    return renderReportCsv(await this.report(campaignId));
  }

  async svg(campaignId: string): Promise<string> {
    return renderReportSvg(await this.report(campaignId));
  }

  async html(campaignId: string): Promise<string> {
    return renderReportHtml(await this.report(campaignId));
  }
}
