import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { AlloysService } from './alloys.service';
import { AlloyResponse } from './dto/alloy.responses';
import { CreateAlloyDto } from './dto/create-alloy.dto';

@ApiTags('alloys')
@ApiBearerAuth()
@Controller('alloys')
export class AlloysController {
  constructor(private readonly alloys: AlloysService) {}

  /** Alloys define the physical guardrails (Tg, Tx), so PIs own them. */
  @MinRole('PI')
  @Post()
  @ApiCreatedResponse({ type: AlloyResponse })
  create(@Body() dto: CreateAlloyDto, @CurrentUser() user: AuthUser): Promise<AlloyResponse> {
    return this.alloys.create(dto, user);
  }

  @Get()
  @ApiOkResponse({ type: [AlloyResponse] })
  list(): Promise<AlloyResponse[]> {
    return this.alloys.list();
  }
}
