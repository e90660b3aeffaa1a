import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, UuidParam } from '../../common/id-param';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { CreateProjectDto, SetMemberDto } from './dto/project.dto';
import { MembershipResponse, ProjectMemberResponse, ProjectResponse } from './dto/project.responses';
import { ProjectsService } from './projects.service';

/** Projects keep groups apart; ADMIN manages them, everyone lists their own. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @MinRole('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: ProjectResponse })
  create(@Body() dto: CreateProjectDto, @CurrentUser() user: AuthUser): Promise<ProjectResponse> {
    return this.projects.create(dto.name, user);
  }

  /** ADMIN: every project; anyone else: their own projects, with their role in each. */
  @Get()
  @ApiOkResponse({ type: [ProjectResponse] })
  list(@CurrentUser() user: AuthUser): Promise<ProjectResponse[]> {
    return this.projects.list(user);
  }

  /** The members of a project: for ADMIN and the project's own members. */
  @Get(':id/members')
  @ApiOkResponse({ type: [ProjectMemberResponse] })
  members(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ProjectMemberResponse[]> {
    return this.projects.members(id, user);
  }

  /** Adds a user to the project or changes their role there (takes effect on their next request). */
  @MinRole('ADMIN')
  @Post(':id/members')
  @HttpCode(200)
  @ApiOkResponse({ type: MembershipResponse })
  setMember(@IdParam() id: string, @Body() dto: SetMemberDto, @CurrentUser() user: AuthUser): Promise<MembershipResponse> {
    return this.projects.setMember(id, dto, user);
  }

  @MinRole('ADMIN')
  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeMember(@IdParam() id: string, @UuidParam('userId') userId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.projects.removeMember(id, userId, user);
  }
}
