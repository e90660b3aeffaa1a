import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser, UploadScope } from '../auth/auth.decorators';
import { AnalysesService } from './analyses.service';
import { RerunResponse, RetryResponse, RunWithCurvesResponse } from './dto/analysis.responses';
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
  get(@IdParam() id: string, @Query('curves') curves?: string): Promise<RunWithCurvesResponse> {
    return this.analyses.get(id, curves === 'true');
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
