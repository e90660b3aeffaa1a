import { TextIn } from '../../../common/text';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

export class RerunDto {
  @ApiPropertyOptional({ example: 'magnetic' })
  @IsOptional()
  @TextIn(1, 100, { singleLine: true })
  analyzer?: string;

  @ApiPropertyOptional({ example: '1.1.0', description: 'only runs made by versions below this one' })
  @IsOptional()
  @Matches(/^\d+(\.\d+){0,2}$/, { message: 'belowVersion must look like 1.2.0' })
  belowVersion?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}
