import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/id-param';
import { AuthUser, CurrentUser, ProjectPi } from '../auth/auth.decorators';
import { CampaignsService } from './campaigns.service';
import { AssignmentResponse, CampaignResponse, CandidatePageResponse, ProgressResponse } from './dto/campaign.responses';
import { AssignDto, CandidatesQueryDto, CreateCampaignDto } from './dto/create-campaign.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  /** A PI of the project (or ADMIN) designs a campaign in it. */
  @ProjectPi()
  @Post()
  @ApiCreatedResponse({ type: CampaignResponse })
  create(@Body() dto: CreateCampaignDto, @CurrentUser() user: AuthUser): Promise<CampaignResponse> {
    return this.campaigns.create(dto, user);
  }

  @Get()
  @ApiOkResponse({ type: [CampaignResponse] })
  list(@CurrentUser() user: AuthUser): Promise<CampaignResponse[]> {
    return this.campaigns.list(user);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignResponse })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<CampaignResponse> {
    return this.campaigns.get(id, user);
  }

  /** A PI of the campaign's project (or ADMIN). */
  @ProjectPi()
  @Post(':id/assignments')
  @ApiCreatedResponse({ type: AssignmentResponse })
  assign(@IdParam() id: string, @Body() dto: AssignDto, @CurrentUser() user: AuthUser): Promise<AssignmentResponse> {
    return this.campaigns.assign(id, dto, user);
  }

  @Get(':id/progress')
  @ApiOkResponse({ type: ProgressResponse })
  progress(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ProgressResponse> {
    return this.campaigns.progress(id, user);
  }

  /** Pieces and whether each one's history matches each level (what assigning would say), for choosing whom to assign; a PI of the project. */
  @ProjectPi()
  @Get(':id/candidates')
  @ApiOkResponse({ type: CandidatePageResponse })
  candidates(@IdParam() id: string, @Query() q: CandidatesQueryDto, @CurrentUser() user: AuthUser): Promise<CandidatePageResponse> {
    return this.campaigns.candidates(id, q, user);
  }
}
