import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser, UploadScope } from '../auth/auth.decorators';
import { AnalysesService } from './analyses.service';
import { AnalysisPlotResponse, RerunResponse, RetryResponse, RunWithCurvesResponse } from './dto/analysis.responses';
import { RerunDto } from './dto/rerun.dto';

@ApiTags('analyses')
@ApiBearerAuth()
@Controller('analyses')
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

  @UploadScope()
  @Get(':id')
  @ApiQuery({ name: 'curves', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ type: RunWithCurvesResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser, @Query('curves') curves?: string): Promise<RunWithCurvesResponse> {
    return this.analyses.get(id, user, curves === 'true');
  }

  /**
   * The run's plots as data: its stored curves (at most 400 points a series) and the fitted models
   * evaluated from its stored parameters, per panel, with the figures a caption states. Read like
   * the run itself.
   */
  @UploadScope()
  @Get(':id/plot')
  @ApiOkResponse({ type: AnalysisPlotResponse })
  plot(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<AnalysisPlotResponse> {
    return this.analyses.plot(id, user);
  }

  /** The same panels drawn as one SVG by the server (the options the web app draws), for reports and scripts. */
  @UploadScope()
  @Get(':id/plot.svg')
  @ApiProduces('image/svg+xml')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  plotSvg(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<string> {
    return this.analyses.plotSvg(id, user);
  }

  /** A new attempt of a run that failed transiently (409 for a file the analyzer rejected); the uploader, a PI or an ADMIN. */
  @Post(':id/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RetryResponse })
  retry(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<RetryResponse> {
    return this.analyses.retry(id, user);
  }

  @Post('rerun')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RerunResponse })
  rerun(@Body() dto: RerunDto, @CurrentUser() user: AuthUser): Promise<RerunResponse> {
    return this.analyses.rerun(dto, user);
  }
}
