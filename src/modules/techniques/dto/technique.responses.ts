/** Response bodies of GET /api/techniques (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { TECHNIQUE_IDS, type TechniqueId } from '../../../../libs/analysis/src/techniques';

export class MetricInfoResponse {
  @ApiProperty({ example: 'tcOnsetK' }) key!: string;
  @ApiProperty({ enum: ['number', 'flag', 'text', 'numbers', 'list', 'group'] }) kind!: 'number' | 'flag' | 'text' | 'numbers' | 'list' | 'group';
  @ApiProperty({ example: 'Tc onset' }) label!: string;
  @ApiProperty({ example: 'K', description: "'' when dimensionless or not a number" }) unit!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the metric holding this one’s standard uncertainty' }) uncertainty!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
}

export class TechniqueInfoResponse {
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique' }) id!: TechniqueId;
  @ApiProperty({ example: 'magnetic susceptibility χ(T)' }) label!: string;
  @ApiProperty() formats!: string;
  @ApiProperty({ type: [String], description: 'measurement modes, primary first; empty when none' }) modes!: string[];
  @ApiProperty({ type: [MetricInfoResponse], description: 'the stored metrics in declaration order' }) metrics!: MetricInfoResponse[];
  @ApiProperty({ type: [String], description: 'keys of `metrics` that sum up a run, headline first (e.g. a "latest results" strip)' }) summary!: string[];
}
