import { TextIn } from '../../../common/text';
import { NumberIn } from '../../../common/bounds';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { IsComposition } from './is-composition';

export class CreateAlloyDto {
  @ApiProperty({ example: 'La75Al25' })
  @TextIn(1, 100, { singleLine: true })
  name!: string;

  @ApiProperty({ example: { La: 75, Al: 25 }, description: 'atomic percent per element, summing to 100' })
  @IsObject()
  @IsComposition()
  composition!: Record<string, number>;

  @ApiProperty({ example: 5.9 })
  @NumberIn(0.1, 30, 'g/cm³')
  densityGCm3!: number;

  @ApiProperty({ example: 474, description: 'glass transition, K' })
  @NumberIn(1, 2000, 'K')
  tgK!: number;

  @ApiProperty({ example: 493, description: 'crystallization onset, K' })
  @NumberIn(1, 2000, 'K')
  txK!: number;
}
