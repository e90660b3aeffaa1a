import { TextIn } from '../../../common/text';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { SampleKind, SampleState } from '../../../infra/database/schema';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';

export class ListSamplesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SampleKind })
  @IsOptional()
  @IsEnum(SampleKind)
  kind?: SampleKind;

  @ApiPropertyOptional({ enum: SampleState })
  @IsOptional()
  @IsEnum(SampleState)
  state?: SampleState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  alloyId?: string;

  @ApiPropertyOptional({ description: "only this project's samples (one of yours; lists always stay within your projects)" })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ description: 'only the pieces assigned to this campaign' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ example: 'I0001-R1' })
  @IsOptional()
  @TextIn(0, 40)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'codePrefix may hold letters, digits and dashes only' })
  codePrefix?: string;
}
