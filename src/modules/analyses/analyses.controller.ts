import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { fieldError } from '../../common/validation';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { AnalysesService } from './analyses.service';
import { RerunDto } from './dto/rerun.dto';

@ApiTags('analyses')
@ApiBearerAuth()
@Controller('analyses')
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') })) id: string, @Query('curves') curves?: string) {
    return this.analyses.get(id, curves === 'true');
  }

  @Post('rerun')
  @HttpCode(202)
  rerun(@Body() dto: RerunDto, @CurrentUser() user: AuthUser) {
    return this.analyses.rerun(dto, user);
  }
}
