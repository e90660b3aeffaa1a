import { TextIn } from '../../../common/text';
import { NumberIn } from '../../../common/bounds';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { TECHNIQUE_IDS, type TechniqueId } from '../../../../libs/analysis/src/techniques';
import { IsRegisteredTechnique } from '../../techniques/is-registered-technique';

export class FactorDto {
  @ApiProperty({ enum: ['ANNEAL_HOLD_MIN', 'CRYO_CYCLES'] })
  @IsIn(['ANNEAL_HOLD_MIN', 'CRYO_CYCLES'])
  kind!: 'ANNEAL_HOLD_MIN' | 'CRYO_CYCLES';

  @ApiPropertyOptional({ example: 453, description: 'ANNEAL_HOLD_MIN: anneal temperature, K' })
  @ValidateIf((o: FactorDto) => o.kind === 'ANNEAL_HOLD_MIN')
  @NumberIn(1, 2000, 'K')
  targetK?: number;

  @ApiPropertyOptional({ example: 77, description: 'CRYO_CYCLES: low end, K' })
  @ValidateIf((o: FactorDto) => o.kind === 'CRYO_CYCLES')
  @NumberIn(1, 1000, 'K')
  lowK?: number;

  @ApiPropertyOptional({ example: 293, description: 'CRYO_CYCLES: high end, K' })
  @ValidateIf((o: FactorDto) => o.kind === 'CRYO_CYCLES')
  @NumberIn(1, 1000, 'K')
  highK?: number;

  @ApiProperty({
    type: [Number],
    minItems: 2,
    maxItems: 50,
    items: { type: 'number', minimum: 0, maximum: 100000 },
    example: [0, 0.5, 1, 5, 8, 10],
    description: 'hold minutes or cycle counts; 0 is the untreated baseline',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'levels must hold at least 2 levels (0 is the untreated baseline)' })
  @ArrayMaxSize(50, { message: 'levels must hold at most 50 levels' })
  @ArrayUnique()
  @IsNumber({}, { each: true })
  @Min(0, { each: true })
  @Max(100000, { each: true })
  levels!: number[];
}

/** Techniques a campaign may plan: the registry is injectable (a lab may add its own), so a fixed ceiling rather than today's count. */
const PLANNED_TECHNIQUES_MAX = 20;

export class CreateCampaignDto {
  @ApiProperty({ example: 'Anneal series 453 K', description: 'unique within the project' })
  @TextIn(1, 200, { singleLine: true })
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the project the campaign belongs to (you must be its PI); optional when you are in one project only' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;

  @ApiProperty({ example: 'Annealing below Tg shrinks the weak-pinning, liquid-like regions and the Meissner fraction.' })
  @TextIn(1, 5000)
  hypothesis!: string;

  @ApiProperty({ description: 'the alloy the campaign studies: only its pieces can be assigned' })
  @IsUUID(undefined, { message: 'alloyId must be the id (a UUID) of an alloy' })
  alloyId!: string;

  @ApiProperty({ type: FactorDto })
  @ValidateNested()
  @Type(() => FactorDto)
  factor!: FactorDto;

  @ApiProperty({
    enum: TECHNIQUE_IDS,
    enumName: 'Technique',
    isArray: true,
    minItems: 1,
    maxItems: PLANNED_TECHNIQUES_MAX,
    example: ['MAGNETIC', 'RESISTANCE', 'XRD', 'DSC'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PLANNED_TECHNIQUES_MAX)
  @ArrayUnique()
  @IsRegisteredTechnique({ each: true })
  plannedTechniques!: TechniqueId[];
}

export class AssignDto {
  @ApiProperty()
  @IsUUID()
  sampleId!: string;

  @ApiProperty({ example: 5 })
  @NumberIn(0, 100000, 'min or cycles')
  level!: number;
}

/** Which pieces could join the campaign: a page of pieces in code order, each checked against every level. */
export class CandidatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'I0001-R1', description: 'only pieces whose code starts with this (case-insensitive)' })
  @IsOptional()
  @TextIn(0, 40)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'codePrefix may hold letters, digits and dashes only' })
  codePrefix?: string;
}
