import { Inject, Injectable } from '@nestjs/common';
import { levelUnit } from '../../../libs/charts/src/format';
import { fieldError } from '../../common/validation';
import { CampaignsService } from '../campaigns/campaigns.service';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import type { Viewer } from '../projects/project-access';
import { buildCampaignReport } from './report-builder';
import { ReportCurvesRepository } from './report-curves.repository';
import { figurePieces, transitionPiece } from './report-transitions';
import { CampaignReport } from './report.types';
import { renderReportCsv } from './render/report-csv';
import { renderReportHtml } from './render/report-html';
import { renderReportSvg } from './render/report-svg';
import { renderTransitionsSvg } from './render/report-transitions-svg';

/** Campaign reports, always built from the newest successful run of each file at the time of the request. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly curves: ReportCurvesRepository,
    @Inject(TECHNIQUES) private readonly techniques: Techniques,
  ) {}

  /** `viewer` must see the campaign's project (404 otherwise); a share link reads as SYSTEM_VIEWER. */
  async report(campaignId: string, viewer: Viewer): Promise<CampaignReport> {
    return buildCampaignReport(await this.campaigns.reportInput(campaignId, viewer), new Date(), this.techniques);
  }

  async csv(campaignId: string, viewer: Viewer): Promise<string> {
    return renderReportCsv(await this.report(campaignId, viewer));
  }

  async svg(campaignId: string, viewer: Viewer): Promise<string> {
    return renderReportSvg(await this.report(campaignId, viewer));
  }

  /**
   * The HTML page, with the transitions figure (Fig. 4(c)) of the pieces asked for by code (400
   * naming `pieces` for a code not assigned to the campaign), by default one piece per level.
   */
  async html(campaignId: string, viewer: Viewer, pieceCodes?: readonly string[]): Promise<string> {
    const input = await this.campaigns.reportInput(campaignId, viewer);
    const report = buildCampaignReport(input);
    const chosen = figurePieces(input, pieceCodes);
    if (chosen.unknown.length > 0) throw fieldError('pieces', `not assigned to this campaign: ${chosen.unknown.join(', ')}`);
    const runIds = chosen.pieces.flatMap((p) => Object.values(p.runs).filter((id): id is string => id !== undefined));
    const curves = await this.curves.curvesOf(runIds);
    const unit = levelUnit(report.campaign.factor);
    const figure = renderTransitionsSvg(chosen.pieces.map((p) => transitionPiece(p, curves, unit)));
    return renderReportHtml(report, { transitionsSvg: figure, transitionPieces: chosen.pieces.map((p) => p.code) });
  }
}
