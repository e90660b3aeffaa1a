import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CampaignReportResponse } from '../campaigns/dto/campaign.responses';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { ReportHtmlQueryDto } from './dto/report-query.dto';
import { ReportTransitionsResponse } from './dto/transitions.response';
import { ReportsService } from './reports.service';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/report')
  @ApiOkResponse({ type: CampaignReportResponse })
  json(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<CampaignReportResponse> {
    return this.reports.report(id, user);
  }

  @Get(':id/report.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(@IdParam() id: string, @CurrentUser() user: AuthUser) {
    return this.reports.csv(id, user);
  }

  @Get(':id/report.svg')
  @ApiProduces('image/svg+xml')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  svg(@IdParam() id: string, @CurrentUser() user: AuthUser) {
    return this.reports.svg(id, user);
  }

  @Get(':id/report.html')
  @ApiProduces('text/html')
  @Header('content-type', 'text/html; charset=utf-8')
  html(@IdParam() id: string, @Query() q: ReportHtmlQueryDto, @CurrentUser() user: AuthUser) {
    return this.reports.html(id, user, q.pieces?.split(','));
  }

  /** The transitions figure (Fig. 4(c)) as data: the pieces of the HTML page's figure (or those asked for) with their curves. */
  @Get(':id/report/transitions')
  @ApiOkResponse({ type: ReportTransitionsResponse })
  transitions(@IdParam() id: string, @Query() q: ReportHtmlQueryDto, @CurrentUser() user: AuthUser): Promise<ReportTransitionsResponse> {
    return this.reports.transitions(id, user, q.pieces?.split(','));
  }
}
