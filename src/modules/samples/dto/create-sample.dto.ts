import { TextIn } from '../../../common/text';
import { NumberIn } from '../../../common/bounds';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsUUID } from 'class-validator';
import { StepMetaDto } from '../../../common/step-meta.dto';
import { IsPurities } from './is-purities';

/** Arc-melting an ingot; at least five melts so the alloy is homogeneous. */
export class CreateIngotDto extends StepMetaDto {
  @ApiProperty()
  @IsUUID()
  alloyId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the project the ingot and all that descends from it belong to; optional when you are in one project only',
  })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;

  @ApiProperty({ example: 5.0 })
  @NumberIn(0.001, 1000, 'g')
  massG!: number;

  @ApiProperty({ minimum: 5, example: 5 })
  @NumberIn(5, 50, 'melts', { integer: true })
  melts!: number;

  @ApiPropertyOptional({ example: { La: '99.9%', Al: '99.99%' }, description: 'purity per element' })
  @IsOptional()
  @IsObject()
  @IsPurities()
  purities?: Record<string, string>;
}

/** Melt-spinning a ribbon from an ingot. */
export class CreateRibbonDto extends StepMetaDto {
  @ApiProperty({ example: 40, description: 'copper wheel surface speed, m/s' })
  @NumberIn(1, 100, 'm/s')
  wheelSpeedMs!: number;

  @ApiProperty({ example: 25 })
  @NumberIn(1, 1000, 'µm')
  thicknessUm!: number;

  @ApiPropertyOptional({ example: 1.5 })
  @IsOptional()
  @NumberIn(0.01, 100, 'mm')
  widthMm?: number;

  @ApiPropertyOptional({ example: 1160, description: 'melt temperature before ejection, K' })
  @IsOptional()
  @NumberIn(300, 2000, 'K')
  meltTempK?: number;

  @ApiPropertyOptional({ example: 'Ar' })
  @IsOptional()
  @TextIn(0, 100, { singleLine: true })
  atmosphere?: string;
}

/** Cutting a ribbon into `count` pieces of the same nominal length and mass. */
export class CreatePiecesDto extends StepMetaDto {
  @ApiProperty({ minimum: 1, maximum: 500, example: 12 })
  @NumberIn(1, 500, 'pieces', { integer: true })
  count!: number;

  @ApiProperty({ example: 4 })
  @NumberIn(0.01, 1000, 'mm')
  lengthMm!: number;

  @ApiProperty({ example: 1.2, description: 'mass of each piece, mg' })
  @NumberIn(0.001, 100000, 'mg')
  massMg!: number;
}
