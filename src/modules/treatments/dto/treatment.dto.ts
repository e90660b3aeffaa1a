import { TextIn } from '../../../common/text';
import { NumberIn } from '../../../common/bounds';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsOptional, ValidateNested } from 'class-validator';
import { StepMetaDto } from '../../../common/step-meta.dto';

export const TREATMENT_KINDS = ['ANNEAL', 'CRYO_CYCLE', 'CRYSTALLIZE'] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

export class OverrideDto {
  @ApiProperty({ description: 'why the anneal enters the supercooled liquid (kept in the history)' })
  @TextIn(5, 1000)
  reason!: string;
}

export class AnnealDto extends StepMetaDto {
  @ApiProperty({ enum: ['ANNEAL'] })
  @Equals('ANNEAL')
  kind!: 'ANNEAL';

  @ApiProperty({ example: 453 })
  @NumberIn(1, 2000, 'K')
  targetK!: number;

  @ApiProperty({ example: 20 })
  @NumberIn(0.01, 1000, 'K/min')
  heatingRateKPerMin!: number;

  @ApiProperty({ example: 5 })
  @NumberIn(0, 100000, 'min')
  holdMin!: number;

  @ApiProperty({ example: 'Ar' })
  @TextIn(1, 100, { singleLine: true })
  atmosphere!: string;

  @ApiProperty({ example: 'water quench' })
  @TextIn(1, 100, { singleLine: true })
  cooling!: string;

  @ApiPropertyOptional({
    type: OverrideDto,
    description: "only for an anneal between the alloy's Tg and Tx, and only a PI or ADMIN may give one (a MEMBER gets 403); at or above Tx record CRYSTALLIZE",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class CryoCycleDto extends StepMetaDto {
  @ApiProperty({ enum: ['CRYO_CYCLE'] })
  @Equals('CRYO_CYCLE')
  kind!: 'CRYO_CYCLE';

  @ApiProperty({ example: 77 })
  @NumberIn(1, 1000, 'K')
  lowK!: number;

  @ApiProperty({ example: 293 })
  @NumberIn(1, 1000, 'K')
  highK!: number;

  @ApiProperty({ example: 27 })
  @NumberIn(1, 100000, 'cycles', { integer: true })
  cycles!: number;

  @ApiProperty({ example: 60 })
  @NumberIn(0, 86400, 's')
  dwellLowS!: number;

  @ApiProperty({ example: 60 })
  @NumberIn(0, 86400, 's')
  dwellHighS!: number;

  @ApiPropertyOptional({ example: 'liquid nitrogen / air' })
  @IsOptional()
  @TextIn(0, 100, { singleLine: true })
  media?: string;
}

export class CrystallizeDto extends StepMetaDto {
  @ApiProperty({ enum: ['CRYSTALLIZE'] })
  @Equals('CRYSTALLIZE')
  kind!: 'CRYSTALLIZE';

  @ApiProperty({ example: 513 })
  @NumberIn(1, 2000, 'K')
  targetK!: number;

  @ApiProperty({ example: 30 })
  @NumberIn(0, 100000, 'min')
  holdMin!: number;
}

export type TreatmentDto = AnnealDto | CryoCycleDto | CrystallizeDto;
export const TREATMENT_CLASSES = { ANNEAL: AnnealDto, CRYO_CYCLE: CryoCycleDto, CRYSTALLIZE: CrystallizeDto } as const;
