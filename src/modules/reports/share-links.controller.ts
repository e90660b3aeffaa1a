import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { fieldError } from '../../common/validation';
import { Env } from '../../config/env';
import { AuthUser, CurrentUser, ProjectPi, Public } from '../auth/auth.decorators';
import { SYSTEM_VIEWER } from '../projects/project-access';
import { CampaignReportResponse } from '../campaigns/dto/campaign.responses';
import { CreatedShareLinkResponse, CreateShareLinkDto, ShareLinkResponse } from './dto/share-link.dto';
import { ReportTransitionsResponse } from './dto/transitions.response';
import { ReportsService } from './reports.service';
import { ShareLinksService } from './share-links.service';

const LinkIdParam = () => Param('linkId', new ParseUUIDPipe({ exceptionFactory: () => fieldError('linkId', 'must be a UUID') }));

/** Share links to one campaign's report: for a PI of the campaign's project (or ADMIN). */
@ApiTags('campaigns')
@ApiBearerAuth()
@ProjectPi()
@Controller('campaigns')
export class ShareLinksController {
  constructor(
    private readonly links: ShareLinksService,
    private readonly env: Env,
  ) {}

  /** The link is built on PUBLIC_URL, never on the request's Host header (a client could name any host there). */
  @Post(':id/share')
  @ApiCreatedResponse({ type: CreatedShareLinkResponse })
  async create(@IdParam() id: string, @Body() dto: CreateShareLinkDto, @CurrentUser() user: AuthUser): Promise<CreatedShareLinkResponse> {
    const link = await this.links.create(id, dto.expiresInDays, user);
    return { ...link, url: `${this.env.PUBLIC_URL ?? ''}${link.path}` };
  }

  @Get(':id/share')
  @ApiOkResponse({ type: [ShareLinkResponse] })
  list(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ShareLinkResponse[]> {
    return this.links.list(id, user);
  }

  @Delete(':id/share/:linkId')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@IdParam() id: string, @LinkIdParam() linkId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.links.revoke(id, linkId, user);
  }
}

/** What a share link opens, without an account: that one report, as JSON or as the HTML page. */
@ApiTags('shared')
@Public()
@Controller('shared')
export class SharedReportController {
  constructor(
    private readonly links: ShareLinksService,
    private readonly reports: ReportsService,
  ) {}

  @Get(':token/report')
  @Header('cache-control', 'no-store')
  @Header('x-robots-tag', 'noindex')
  @ApiOkResponse({ type: CampaignReportResponse })
  async json(@Param('token') token: string): Promise<CampaignReportResponse> {
    return this.reports.report(await this.links.campaignOf(token), SYSTEM_VIEWER);
  }

  @Get(':token/report.html')
  @ApiProduces('text/html')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-robots-tag', 'noindex')
  async html(@Param('token') token: string): Promise<string> {
    return this.reports.html(await this.links.campaignOf(token), SYSTEM_VIEWER);
  }

  /** The shared report's transitions figure as data (its default pieces: a link opens one report, not a choice of pieces). */
  @Get(':token/report/transitions')
  @Header('cache-control', 'no-store')
  @Header('x-robots-tag', 'noindex')
  @ApiOkResponse({ type: ReportTransitionsResponse })
  async transitions(@Param('token') token: string): Promise<ReportTransitionsResponse> {
    return this.reports.transitions(await this.links.campaignOf(token), SYSTEM_VIEWER);
  }
}
