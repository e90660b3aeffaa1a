import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser, UploadScope } from '../auth/auth.decorators';
import { CreateIngotDto, CreatePiecesDto, CreateRibbonDto } from './dto/create-sample.dto';
import { ListSamplesDto } from './dto/list-samples.dto';
import { CreatedSampleResponse, HistoryResponse, LineageResponse, SamplePageResponse, SampleViewResponse } from './dto/sample.responses';
import { SamplesService } from './samples.service';

@ApiTags('samples')
@ApiBearerAuth()
@Controller('samples')
export class SamplesController {
  constructor(private readonly samples: SamplesService) {}

  @Post('ingots')
  @ApiCreatedResponse({ type: CreatedSampleResponse })
  createIngot(@Body() dto: CreateIngotDto, @CurrentUser() user: AuthUser): Promise<CreatedSampleResponse> {
    return this.samples.createIngot(dto, user);
  }

  @Post(':id/ribbons')
  @ApiCreatedResponse({ type: CreatedSampleResponse })
  createRibbon(@IdParam() id: string, @Body() dto: CreateRibbonDto, @CurrentUser() user: AuthUser): Promise<CreatedSampleResponse> {
    return this.samples.createRibbon(id, dto, user);
  }

  @Post(':id/pieces')
  @ApiCreatedResponse({ type: [CreatedSampleResponse] })
  createPieces(@IdParam() id: string, @Body() dto: CreatePiecesDto, @CurrentUser() user: AuthUser): Promise<CreatedSampleResponse[]> {
    return this.samples.createPieces(id, dto, user);
  }

  @UploadScope()
  @Get()
  @ApiOkResponse({ type: SamplePageResponse })
  list(@Query() q: ListSamplesDto, @CurrentUser() user: AuthUser): Promise<SamplePageResponse> {
    return this.samples.list(q, user);
  }

  @UploadScope()
  @Get(':id')
  @ApiOkResponse({ type: SampleViewResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<SampleViewResponse> {
    return this.samples.get(id, user);
  }

  @Get(':id/lineage')
  @ApiOkResponse({ type: LineageResponse })
  lineage(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<LineageResponse> {
    return this.samples.lineage(id, user);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: HistoryResponse })
  history(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<HistoryResponse> {
    return this.samples.history(id, user);
  }
}
