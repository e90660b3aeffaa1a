import { Inject, Injectable } from '@nestjs/common';
import { levelUnit } from '../../../libs/charts/src/format';
import type { XYCurve } from '../../../libs/charts/src/transition-figure';
import { fieldError } from '../../common/validation';
import { CampaignsService } from '../campaigns/campaigns.service';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import type { Viewer } from '../projects/project-access';
import { buildCampaignReport } from './report-builder';
import { ReportCurvesRepository } from './report-curves.repository';
import { figurePieces, transitionPiece } from './report-transitions';
import { CampaignReport, type ReportInput } from './report.types';
import type { ReportTransitionsResponse } from './dto/transitions.response';
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
    return renderReportSvg(await this.report(campaignId, viewer), {}, this.techniques);
  }

  /**
   * The HTML page, with the transitions figure (Fig. 4(c)) of the pieces asked for by code (400
   * naming `pieces` for a code not assigned to the campaign), by default one piece per level.
   */
  async html(campaignId: string, viewer: Viewer, pieceCodes?: readonly string[]): Promise<string> {
    const input = await this.campaigns.reportInput(campaignId, viewer);
    // The process's registry, as report() uses: a registered technique's metrics are on the page too.
    const report = buildCampaignReport(input, new Date(), this.techniques);
    const { pieces } = await this.transitionPieces(input, pieceCodes);
    const figure = renderTransitionsSvg(pieces);
    return renderReportHtml(report, { transitionsSvg: figure, transitionPieces: pieces.map((p) => p.code) }, this.techniques);
  }

  /** The transitions figure's pieces and curves as data, the same pieces the HTML page draws (the web app's interactive figure). */
  async transitions(campaignId: string, viewer: Viewer, pieceCodes?: readonly string[]): Promise<ReportTransitionsResponse> {
    return this.transitionPieces(await this.campaigns.reportInput(campaignId, viewer), pieceCodes);
  }

  private async transitionPieces(input: ReportInput, pieceCodes?: readonly string[]): Promise<ReportTransitionsResponse> {
    const chosen = figurePieces(input, pieceCodes);
    if (chosen.unknown.length > 0) throw fieldError('pieces', `not assigned to this campaign: ${chosen.unknown.join(', ')}`);
    const runIds = chosen.pieces.flatMap((p) => Object.values(p.runs).filter((id): id is string => id !== undefined));
    const curves = await this.curves.curvesOf(runIds);
    const unit = levelUnit(input.campaign.factor);
    return {
      pieces: chosen.pieces.map((p) => {
        const t = transitionPiece(p, curves, unit);
        // Only the points: a stored curve may carry more (axis labels) than the figure reads.
        const xy = (c?: XYCurve) => c && { x: c.x, y: c.y };
        return {
          sampleId: p.sampleId,
          level: p.level,
          code: t.code,
          subtitle: t.subtitle,
          zfcDerivative: xy(t.zfcDerivative),
          fcDerivative: xy(t.fcDerivative),
          resistance: xy(t.resistance),
        };
      }),
    };
  }
}
