import { TextIn } from '../../common/text';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { AuditService } from './audit.service';

class AuditQueryDto {
  @ApiPropertyOptional({ description: 'id of the record (sample, alloy, user, …)' })
  @IsOptional()
  @TextIn(1, 100, { singleLine: true })
  entityId?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  /** Newest first; a member reads the rows of their projects' records only, ADMIN every row. */
  list(@Query() q: AuditQueryDto, @CurrentUser() user: AuthUser) {
    return this.audit.list(q.entityId, q.limit, user);
  }
}
