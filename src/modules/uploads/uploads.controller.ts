import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, UploadScope } from '../auth/auth.decorators';
import { MatchUploadsDto } from './dto/match-uploads.dto';
import { MatchUploadsResponse } from './dto/match-uploads.responses';
import { UploadsService } from './uploads.service';

@ApiTags('uploads')
@ApiBearerAuth()
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @UploadScope()
  @Post('match')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Propose technique, mode, field and sample for instrument files from their names and first bytes',
    description: 'Nothing is stored. Create a measurement per file (POST /api/measurements) and upload it (POST /api/measurements/{id}/files).',
  })
  @ApiOkResponse({ type: MatchUploadsResponse })
  async match(@Body() dto: MatchUploadsDto, @CurrentUser() user: AuthUser): Promise<MatchUploadsResponse> {
    return { proposals: await this.uploads.match(dto, user) };
  }
}
