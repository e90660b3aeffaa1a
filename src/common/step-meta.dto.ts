import { TextIn } from './text';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

/** What every logged process step may carry: when it happened (default now) and free notes. */
export class StepMetaDto {
  @ApiPropertyOptional({ description: 'when it was done (default: now)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  performedAt?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @TextIn(0, 2000)
  notes?: string;
}
