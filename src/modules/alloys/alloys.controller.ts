import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, MinRole } from '../auth/auth.decorators';
import { AlloysService } from './alloys.service';
import { CreateAlloyDto } from './dto/create-alloy.dto';

@ApiTags('alloys')
@ApiBearerAuth()
@Controller('alloys')
export class AlloysController {
  constructor(private readonly alloys: AlloysService) {}

  /** Alloys define the physical guardrails (Tg, Tx), so PIs own them. */
  @MinRole('PI')
  @Post()
  create(@Body() dto: CreateAlloyDto, @CurrentUser() user: AuthUser) {
    return this.alloys.create(dto, user);
  }

  @Get()
  list() {
    return this.alloys.list();
  }
}
