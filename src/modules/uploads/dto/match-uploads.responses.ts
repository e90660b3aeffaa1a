/** Response bodies of the bulk-upload matching route (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { TECHNIQUE_IDS, type TechniqueId } from '../../../../libs/analysis/src/techniques';

export class UploadProposalResponse {
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique', nullable: true, description: 'detected from the content; null when no technique recognised it' })
  technique!: TechniqueId | null;
  @ApiProperty({ type: String, nullable: true, example: 'multivu-mpms3' }) format!: string | null;
  @ApiProperty({ enum: ['ZFC', 'FC'], nullable: true, description: 'from the file name or header, for techniques with modes' }) mode!: 'ZFC' | 'FC' | null;
  @ApiProperty({ type: Number, nullable: true, description: 'applied field, Oe, from the file name or header' }) fieldOe!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'an existing sample named in the file name or header' }) sampleCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'that sample’s id, for POST /api/measurements' }) sampleId!: string | null;
  @ApiProperty({ enum: ['high', 'low', 'none'], description: 'high: technique, sample (and mode) found and unambiguous' }) confidence!: 'high' | 'low' | 'none';
  @ApiProperty({ type: [String], description: 'one plain sentence per decision' }) why!: string[];
}

export class MatchUploadsResponse {
  @ApiProperty({ type: [UploadProposalResponse], description: 'one per file, in request order' }) proposals!: UploadProposalResponse[];
}
