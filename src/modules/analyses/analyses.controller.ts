import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { AnalysesService } from './analyses.service';
import { RerunDto } from './dto/rerun.dto';

@ApiTags('analyses')
@ApiBearerAuth()
@Controller('analyses')
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

  @Get(':id')
  get(@IdParam() id: string, @Query('curves') curves?: string) {
    return this.analyses.get(id, curves === 'true');
  }

  @Post('rerun')
  @HttpCode(202)
  rerun(@Body() dto: RerunDto, @CurrentUser() user: AuthUser) {
    return this.analyses.rerun(dto, user);
  }
}
