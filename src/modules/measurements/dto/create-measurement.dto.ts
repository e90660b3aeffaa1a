import { TextIn } from '../../../common/text';
import { NumberIn } from '../../../common/bounds';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TECHNIQUE_IDS, type TechniqueId } from '../../../../libs/analysis/src/techniques';
import { IsRegisteredTechnique } from '../../techniques/is-registered-technique';

/** Conditions the analyzers use; each overrides what the file header says. */
export class ConditionsDto {
  @ApiPropertyOptional({ example: 20, description: 'applied field, Oe' })
  @IsOptional()
  @NumberIn(-100000, 100000, 'Oe')
  fieldOe?: number;

  @ApiPropertyOptional({ enum: ['ZFC', 'FC'] })
  @IsOptional()
  @IsIn(['ZFC', 'FC'])
  mode?: 'ZFC' | 'FC';

  @ApiPropertyOptional({ example: 1.5406 })
  @IsOptional()
  @NumberIn(0.01, 100, 'Å')
  wavelengthA?: number;

  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @NumberIn(0.01, 1000, 'K/min')
  heatingRateKPerMin?: number;

  @ApiPropertyOptional({ example: 0, description: 'demagnetizing factor N (≈ 0 for a field along a long ribbon)' })
  @IsOptional()
  @NumberIn(0, 1, '')
  demagN?: number;

  @ApiPropertyOptional({ enum: ['up', 'down'], description: 'DSC exotherm direction' })
  @IsOptional()
  @IsIn(['up', 'down'])
  exo?: 'up' | 'down';

  @ApiPropertyOptional({ example: 1, description: 'transport channel (1–4) whose R(T) gives the headline metrics; default the first with data' })
  @IsOptional()
  @NumberIn(1, 4, '', { integer: true })
  channel?: number;

  @ApiPropertyOptional({ description: 'mass actually measured, mg, if not the piece mass' })
  @IsOptional()
  @NumberIn(0.001, 100000, 'mg')
  massMg?: number;
}

export class CreateMeasurementDto {
  @ApiProperty()
  @IsUUID()
  sampleId!: string;

  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique' })
  @IsRegisteredTechnique()
  technique!: TechniqueId;

  @ApiProperty({ example: 'MPMS3 SQUID-VSM' })
  @TextIn(1, 200, { singleLine: true })
  instrument!: string;

  @ApiProperty({ type: ConditionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ConditionsDto)
  conditions!: ConditionsDto;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  performedAt?: Date;
}
