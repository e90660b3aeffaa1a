import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { CampaignsService } from './campaigns.service';
import { AssignDto, CreateCampaignDto } from './dto/create-campaign.dto';

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
  get(@IdParam() id: string) {
    return this.campaigns.get(id);
  }

  @MinRole('PI')
  @Post(':id/assignments')
  assign(@IdParam() id: string, @Body() dto: AssignDto, @CurrentUser() user: AuthUser) {
    return this.campaigns.assign(id, dto, user);
  }

  @Get(':id/progress')
  progress(@IdParam() id: string) {
    return this.campaigns.progress(id);
  }
}
