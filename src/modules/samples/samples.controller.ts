import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { fieldError } from '../../common/validation';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { CreateIngotDto, CreatePiecesDto, CreateRibbonDto } from './dto/create-sample.dto';
import { ListSamplesDto } from './dto/list-samples.dto';
import { SamplesService } from './samples.service';

export const SampleId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') }));

@ApiTags('samples')
@ApiBearerAuth()
@Controller('samples')
export class SamplesController {
  constructor(private readonly samples: SamplesService) {}

  @Post('ingots')
  createIngot(@Body() dto: CreateIngotDto, @CurrentUser() user: AuthUser) {
    return this.samples.createIngot(dto, user);
  }

  @Post(':id/ribbons')
  createRibbon(@SampleId() id: string, @Body() dto: CreateRibbonDto, @CurrentUser() user: AuthUser) {
    return this.samples.createRibbon(id, dto, user);
  }

  @Post(':id/pieces')
  createPieces(@SampleId() id: string, @Body() dto: CreatePiecesDto, @CurrentUser() user: AuthUser) {
    return this.samples.createPieces(id, dto, user);
  }

  @Get()
  list(@Query() q: ListSamplesDto) {
    return this.samples.list(q);
  }

  @Get(':id')
  get(@SampleId() id: string) {
    return this.samples.get(id);
  }

  @Get(':id/lineage')
  lineage(@SampleId() id: string) {
    return this.samples.lineage(id);
  }

  @Get(':id/history')
  history(@SampleId() id: string) {
    return this.samples.history(id);
  }
}
