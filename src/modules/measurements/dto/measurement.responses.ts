/** Response bodies of the measurements routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { RunStatus, Technique } from '../../../infra/database/schema';
import { DateTime, JsonObject, RetractionField, RetractionResponse } from '../../../common/api-response';
import { RunViewResponse } from '../../analyses/dto/analysis.responses';
import { TECHNIQUE_IDS } from '../../../../libs/analysis/src/techniques';

export class MeasurementResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sampleId!: string;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique' }) technique!: Technique;
  @ApiProperty() instrument!: string;
  @JsonObject({ description: 'fieldOe, mode (ZFC|FC), wavelengthA, heatingRateKPerMin, demagN, exo, massMg, channel' }) conditions!: unknown;
  @DateTime() performedAt!: Date;
  @ApiProperty() createdById!: string;
  @DateTime() createdAt!: Date;
}

export class RunBriefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() analyzerVersion!: string;
  @ApiProperty({ enum: RunStatus, enumName: 'RunStatus' }) status!: RunStatus;
  @DateTime() createdAt!: Date;
}

export class MeasurementFileResponse {
  @ApiProperty() fileId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @DateTime() uploadedAt!: Date;
  @ApiProperty({ description: 'this file link was retracted: its analyses are left out of progress and reports' }) retracted!: boolean;
  @RetractionField() retraction!: RetractionResponse | null;
  @ApiProperty({ type: RunViewResponse, nullable: true }) latestAnalysis!: RunViewResponse | null;
  @ApiProperty({ type: [RunBriefResponse], description: 'newest first' }) analyses!: RunBriefResponse[];
}

export class MeasurementDetailResponse extends MeasurementResponse {
  @ApiProperty({ description: 'retracted: kept, but left out of progress and reports' }) retracted!: boolean;
  @RetractionField() retraction!: RetractionResponse | null;
  @ApiProperty({ type: [MeasurementFileResponse] }) files!: MeasurementFileResponse[];
}

export class FileLinkResponse {
  @ApiProperty() measurementId!: string;
  @ApiProperty({ example: 'I0001-R1-P03' }) sampleCode!: string;
}

export class UploadResponse {
  @ApiProperty() fileId!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: [String] }) analysisRunIds!: string[];
  @ApiProperty({ description: 'this measurement already had these exact bytes: nothing new was stored or queued' }) duplicate!: boolean;
  @ApiProperty({
    type: [FileLinkResponse],
    description: 'measurements of other samples that hold the same bytes (same SHA-256): usually a file uploaded to the wrong piece',
  })
  alsoLinkedTo!: FileLinkResponse[];
}
