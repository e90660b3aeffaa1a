import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsObject, IsOptional, IsPositive, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { StepMetaDto } from '../../../common/step-meta.dto';

/** Arc-melting an ingot; at least five melts so the alloy is homogeneous. */
export class CreateIngotDto extends StepMetaDto {
  @ApiProperty()
  @IsUUID()
  alloyId!: string;

  @ApiProperty({ example: 5.0 })
  @IsNumber()
  @IsPositive()
  massG!: number;

  @ApiProperty({ minimum: 5, example: 5 })
  @IsInt()
  @Min(5)
  @Max(50)
  melts!: number;

  @ApiPropertyOptional({ example: { La: '99.9%', Al: '99.99%' }, description: 'purity per element' })
  @IsOptional()
  @IsObject()
  purities?: Record<string, string>;
}

/** Melt-spinning a ribbon from an ingot. */
export class CreateRibbonDto extends StepMetaDto {
  @ApiProperty({ example: 40, description: 'copper wheel surface speed, m/s' })
  @IsNumber()
  @IsPositive()
  @Max(100)
  wheelSpeedMs!: number;

  @ApiProperty({ example: 25 })
  @IsNumber()
  @IsPositive()
  @Max(1000)
  thicknessUm!: number;

  @ApiPropertyOptional({ example: 1.5 })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  widthMm?: number;

  @ApiPropertyOptional({ example: 1160, description: 'melt temperature before ejection, K' })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  meltTempK?: number;

  @ApiPropertyOptional({ example: 'Ar' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  atmosphere?: string;
}

/** Cutting a ribbon into `count` pieces of the same nominal length and mass. */
export class CreatePiecesDto extends StepMetaDto {
  @ApiProperty({ minimum: 1, maximum: 500, example: 12 })
  @IsInt()
  @Min(1)
  @Max(500)
  count!: number;

  @ApiProperty({ example: 4 })
  @IsNumber()
  @IsPositive()
  lengthMm!: number;

  @ApiProperty({ example: 1.2, description: 'mass of each piece, mg' })
  @IsNumber()
  @IsPositive()
  massMg!: number;
}
