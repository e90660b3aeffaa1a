/** Response bodies of the campaigns and reports routes (see src/common/api-response.ts for why they exist). */
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { SampleState, Technique } from '../../../infra/database/schema';
import { DateTime, NullableNumber, NullableString, NumberMap } from '../../../common/api-response';
import { TECHNIQUE_IDS } from '../../../../libs/analysis/src/techniques';
import { CrossTechniqueResponse } from '../../reports/dto/cross-technique.response';

export class CampaignFactorResponse {
  @ApiProperty({ enum: ['ANNEAL_HOLD_MIN', 'CRYO_CYCLES'] }) kind!: 'ANNEAL_HOLD_MIN' | 'CRYO_CYCLES';
  @ApiPropertyOptional({ description: 'ANNEAL_HOLD_MIN: anneal temperature, K' }) targetK?: number;
  @ApiPropertyOptional({ description: 'CRYO_CYCLES: low end, K' }) lowK?: number;
  @ApiPropertyOptional({ description: 'CRYO_CYCLES: high end, K' }) highK?: number;
  @ApiProperty({ type: [Number], description: 'hold minutes or cycle counts, ascending' }) levels!: number[];
}

export class CampaignResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() hypothesis!: string;
  @ApiProperty({ type: CampaignFactorResponse }) factor!: unknown;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique', isArray: true }) plannedTechniques!: Technique[];
  @NullableString({ description: 'the alloy the campaign studies (null only for an old campaign not yet placed; its first assignment decides)' })
  alloyId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'the project the campaign belongs to' }) projectId!: string;
  @ApiProperty() createdById!: string;
  @DateTime() createdAt!: Date;
}

export class AssignmentResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty() sampleId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() level!: number;
}

export class ProgressCellResponse {
  @ApiProperty() level!: number;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique' }) technique!: Technique;
  @ApiProperty({ description: 'pieces assigned to the level' }) planned!: number;
  @ApiProperty({ description: 'pieces with at least one file of the technique' }) uploaded!: number;
  @ApiProperty({ description: 'pieces with a successful analysis' }) analysed!: number;
  @ApiProperty({ description: 'pieces whose analyses all failed' }) failed!: number;
}

export class BrokenMatchResponse {
  @ApiProperty() sampleId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ enum: [true] }) matchBroken!: boolean;
  @ApiProperty({ type: [String], description: 'how the piece history now differs from its level' }) mismatches!: string[];
}

export class ProgressResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ type: [Number] }) levels!: number[];
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique', isArray: true }) techniques!: Technique[];
  @ApiProperty({ type: [ProgressCellResponse] }) cells!: ProgressCellResponse[];
  @ApiProperty({
    type: [BrokenMatchResponse],
    description: 'assigned pieces whose history no longer matches their level (a step retracted or logged after the fact)',
  })
  brokenMatches!: BrokenMatchResponse[];
}

export class LevelMatchResponse {
  @ApiProperty() level!: number;
  @ApiProperty({ type: [String], description: 'why the piece history does not match the level; empty when it does' }) mismatches!: string[];
}

export class CandidateResponse {
  @ApiProperty() sampleId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: SampleState, enumName: 'SampleState' }) state!: SampleState;
  @ApiProperty() signature!: string;
  @NullableNumber({ description: 'the level the piece is assigned to in this campaign, if any' }) assignedLevel!: number | null;
  @ApiProperty({ type: [LevelMatchResponse], description: 'one entry per campaign level' }) levels!: LevelMatchResponse[];
}

export class CandidatePageResponse {
  @ApiProperty({ type: [CandidateResponse] }) items!: CandidateResponse[];
  @NullableString() nextCursor!: string | null;
}

export class LevelStatResponse {
  @ApiProperty() level!: number;
  @NullableNumber() mean!: number | null;
  @NullableNumber({ description: 'sample standard deviation' }) std!: number | null;
  @ApiProperty() n!: number;
  @NullableNumber({ description: '% change of the mean against the baseline (lowest) level' }) changePct!: number | null;
}

export class ReportMetricResponse {
  @ApiProperty() label!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: [LevelStatResponse] }) levels!: LevelStatResponse[];
}

export class ReportPieceResponse {
  @ApiProperty() sampleId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ description: 'its history no longer matches its level (see mismatches)' }) matchBroken!: boolean;
  @ApiProperty({ type: [String], description: 'how its history differs from its level; empty while it matches' }) mismatches!: string[];
  @NumberMap({ description: 'report metric key → value (null when not measured)' }) values!: Record<string, number | null>;
  @ApiProperty({ type: CrossTechniqueResponse, description: 'where its resistive Tc sits in its ZFC χ distribution' })
  crossTechnique!: CrossTechniqueResponse;
}

export class ExponentialFitResponse {
  @ApiProperty() k!: number;
  @ApiProperty() kErr!: number;
  @ApiProperty() tauMin!: number;
  @ApiProperty() tauErrMin!: number;
  @ApiProperty() y0!: number;
  @ApiProperty() y0Err!: number;
  @ApiProperty() r2!: number;
  @ApiProperty() n!: number;
}

export class LinearFitResponse {
  @ApiProperty() slope!: number;
  @ApiProperty() slopeErr!: number;
  @ApiProperty() intercept!: number;
  @ApiProperty() interceptErr!: number;
  @ApiProperty() r2!: number;
  @ApiProperty() n!: number;
}

@ApiExtraModels(LinearFitResponse)
export class ReportFitsResponse {
  @ApiProperty({ type: ExponentialFitResponse, nullable: true, description: '|χ|(1.8 K) = k·exp(−t/τ) + y0 over hold time' })
  chiExponential!: ExponentialFitResponse | null;
  @ApiProperty({ type: 'object', additionalProperties: { nullable: true, allOf: [{ $ref: getSchemaPath(LinearFitResponse) }] } })
  linear!: Record<string, LinearFitResponse | null>;
}

export class ReportGapResponse {
  @ApiProperty() level!: number;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique' }) technique!: Technique;
  @ApiProperty({ description: 'pieces of the cell without an analysed result' }) missing!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'no piece is assigned to this level at all' }) noPieces!: boolean;
}

export class ReportCampaignResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() hypothesis!: string;
  @ApiProperty({ type: CampaignFactorResponse }) factor!: CampaignFactorResponse;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique', isArray: true }) plannedTechniques!: Technique[];
}

@ApiExtraModels(ReportMetricResponse)
export class CampaignReportResponse {
  @ApiProperty({ type: ReportCampaignResponse }) campaign!: ReportCampaignResponse;
  @DateTime() generatedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ReportMetricResponse) },
    description: 'report metric key → label, unit, per-level statistics',
  })
  metrics!: Record<string, ReportMetricResponse>;
  @ApiProperty({ type: [ReportPieceResponse] }) pieces!: ReportPieceResponse[];
  @ApiProperty({ type: ReportFitsResponse }) fits!: ReportFitsResponse;
  @ApiProperty({ type: [ProgressCellResponse] }) progress!: ProgressCellResponse[];
  @NullableNumber({ description: 'the lowest level, against which changes are computed' }) baselineLevel!: number | null;
  @ApiProperty({ description: 'no piece at the baseline level has data: changes against it are not computed' }) baselineMissing!: boolean;
  @ApiProperty({ type: [String], description: 'plain-words warnings about the report as a whole' }) warnings!: string[];
  @ApiProperty({
    type: [ReportGapResponse],
    description: 'every cell of the level × technique matrix short of analysed results, levels without pieces included',
  })
  gaps!: ReportGapResponse[];
}
