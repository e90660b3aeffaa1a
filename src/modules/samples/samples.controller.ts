import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { CreateIngotDto, CreatePiecesDto, CreateRibbonDto } from './dto/create-sample.dto';
import { ListSamplesDto } from './dto/list-samples.dto';
import { SamplesService } from './samples.service';

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
  createRibbon(@IdParam() id: string, @Body() dto: CreateRibbonDto, @CurrentUser() user: AuthUser) {
    return this.samples.createRibbon(id, dto, user);
  }

  @Post(':id/pieces')
  createPieces(@IdParam() id: string, @Body() dto: CreatePiecesDto, @CurrentUser() user: AuthUser) {
    return this.samples.createPieces(id, dto, user);
  }

  @Get()
  list(@Query() q: ListSamplesDto) {
    return this.samples.list(q);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.samples.get(id);
  }

  @Get(':id/lineage')
  lineage(@IdParam() id: string) {
    return this.samples.lineage(id);
  }

  @Get(':id/history')
  history(@IdParam() id: string) {
    return this.samples.history(id);
  }
}
