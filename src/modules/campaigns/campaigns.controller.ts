import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { fieldError } from '../../common/validation';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { CampaignsService } from './campaigns.service';
import { AssignDto, CreateCampaignDto } from './dto/create-campaign.dto';

export const CampaignId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') }));

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @MinRole('PI')
  @Post()
  create(@Body() dto: CreateCampaignDto, @CurrentUser() user: AuthUser) {
    return this.campaigns.create(dto, user);
  }

  @Get()
  list() {
    return this.campaigns.list();
  }

  @Get(':id')
  get(@CampaignId() id: string) {
    return this.campaigns.get(id);
  }

  @MinRole('PI')
  @Post(':id/assignments')
  assign(@CampaignId() id: string, @Body() dto: AssignDto, @CurrentUser() user: AuthUser) {
    return this.campaigns.assign(id, dto, user);
  }

  @Get(':id/progress')
  progress(@CampaignId() id: string) {
    return this.campaigns.progress(id);
  }
}
