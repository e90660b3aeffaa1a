import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, UuidParam } from '../../common/id-param';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { RetractDto } from './dto/retract.dto';
import { RetractionResponseBody, StepRetractionResponse } from './dto/retraction.responses';
import { RetractionsService } from './retractions.service';

/** Retract a wrong step, measurement or file link: the author, or a PI or ADMIN; 409 the second time. */
@ApiTags('retractions')
@ApiBearerAuth()
@Controller()
export class RetractionsController {
  constructor(private readonly retractions: RetractionsService) {}

  @Post('samples/:id/steps/:stepId/retract')
  @HttpCode(200)
  @ApiOkResponse({ type: StepRetractionResponse })
  retractStep(
    @IdParam() id: string,
    @UuidParam('stepId') stepId: string,
    @Body() dto: RetractDto,
    @CurrentUser() user: AuthUser,
  ): Promise<StepRetractionResponse> {
    return this.retractions.retractStep(id, stepId, dto.reason, user);
  }

  @Post('measurements/:id/retract')
  @HttpCode(200)
  @ApiOkResponse({ type: RetractionResponseBody })
  retractMeasurement(@IdParam() id: string, @Body() dto: RetractDto, @CurrentUser() user: AuthUser): Promise<RetractionResponseBody> {
    return this.retractions.retractMeasurement(id, dto.reason, user);
  }

  @Post('measurements/:id/files/:fileId/retract')
  @HttpCode(200)
  @ApiOkResponse({ type: RetractionResponseBody })
  retractFile(
    @IdParam() id: string,
    @UuidParam('fileId') fileId: string,
    @Body() dto: RetractDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RetractionResponseBody> {
    return this.retractions.retractFile(id, fileId, dto.reason, user);
  }
}
