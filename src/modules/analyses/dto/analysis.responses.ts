/** Response bodies of the analyses routes (see src/common/api-response.ts for why they exist). */
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { FailureKind, RunStatus } from '../../../infra/database/schema';
import { DateTime, JsonObject, NullableNumber, NullableString } from '../../../common/api-response';

/** One downsampled plot curve of an analysis (x and y of equal length, axis labels with units). */
export class CurveResponse {
  @ApiProperty({ type: [Number] }) x!: number[];
  @ApiProperty({ type: [Number] }) y!: number[];
  @ApiProperty({ example: 'Temperature (K)' }) xLabel!: string;
  @ApiProperty({ example: 'χ_mass ZFC (emu/g/Oe)' }) yLabel!: string;
}

export class RunViewResponse {
  @ApiProperty() id!: string;
  @ApiProperty() measurementId!: string;
  @ApiProperty() fileId!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ enum: RunStatus, enumName: 'RunStatus' }) status!: RunStatus;
  @ApiProperty({ example: 'magnetic' }) analyzer!: string;
  @ApiProperty({ example: '1.0.0' }) analyzerVersion!: string;
  @JsonObject({ nullable: true, description: 'metric key → value, units in the key (tcOnsetK, q1InvA …)' }) metrics!: unknown;
  @ApiProperty({ type: [String], nullable: true }) warnings!: unknown;
  @NullableString({ description: 'readable reason of a FAILED run' }) error!: string | null;
  @NullableString() errorCode!: string | null;
  @ApiProperty({
    enum: FailureKind,
    enumName: 'FailureKind',
    nullable: true,
    description:
      'why a FAILED run failed: FILE (the analyzer rejected the file; not retried), TRANSIENT (limit, crash, database or Redis: POST /api/analyses/:id/retry), SUPERSEDED',
  })
  failureKind!: FailureKind | null;
  @ApiProperty({ description: '0 for the first run of this file and analyzer version, n for its n-th retry' }) retry!: number;
  @NullableString({ description: 'the failed run this one retries' }) retryOfId!: string | null;
  @JsonObject({ nullable: true, description: 'milliseconds: queueWait, load, analysis, total' }) timings!: unknown;
  @ApiProperty() attempts!: number;
  @DateTime() queuedAt!: Date;
  @DateTime({ nullable: true }) startedAt!: Date | null;
  @DateTime({ nullable: true }) finishedAt!: Date | null;
}

@ApiExtraModels(CurveResponse)
export class RunWithCurvesResponse extends RunViewResponse {
  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    additionalProperties: { $ref: getSchemaPath(CurveResponse) },
    description: 'with ?curves=true: plot curves keyed by name (chiZfc, chiFc, pattern, haloFit …)',
  })
  curves?: unknown;
}

export class RerunResponse {
  @ApiProperty({ type: [String] }) analysisRunIds!: string[];
  @ApiProperty() skipped!: number;
}

export class RetryResponse {
  @ApiProperty({ description: 'the new, QUEUED run' }) analysisRunId!: string;
  @ApiProperty({ description: 'the failed run it retries' }) retryOf!: string;
  @ApiProperty({ description: 'the attempt number of the new run (1 for the first retry)' }) retry!: number;
}

/** One series of a plot panel: measured data, a model evaluated from fitted parameters, or a background. */
export class PlotSeriesResponse {
  @ApiProperty({ example: 'χ ZFC' }) name!: string;
  @ApiProperty({ enum: ['measured', 'fit', 'background'] }) role!: 'measured' | 'fit' | 'background';
  @ApiProperty({ type: [Number], description: 'at most 400 points' }) x!: number[];
  @ApiProperty({ type: [Number] }) y!: number[];
  @ApiProperty({ enum: [0, 1], description: '1: the secondary (right) axis' }) axis!: 0 | 1;
  @ApiProperty({ description: 'drawn stronger: the headline channel of a resistance file' }) highlight!: boolean;
  @ApiProperty({ description: 'drawn as points, not a line: separate determinations such as Hc2(T) points' }) points!: boolean;
}

export class PlotMarkerResponse {
  @ApiProperty({ example: 'Tc onset' }) label!: string;
  @ApiProperty({ example: 3.61 }) x!: number;
}

export class PlotFactResponse {
  @ApiProperty({ example: 'μ ZFC' }) label!: string;
  @NullableNumber() value!: number | null;
  @NullableNumber({ description: 'standard error' }) error!: number | null;
  @ApiProperty({ example: 'K' }) unit!: string;
}

export class PlotPanelResponse {
  @ApiProperty({ enum: ['chi', 'tc-distribution', 'resistance', 'hc2', 'xrd', 'dsc', 'saxs', 'curves'] })
  id!: 'chi' | 'tc-distribution' | 'resistance' | 'hc2' | 'xrd' | 'dsc' | 'saxs' | 'curves';
  @ApiProperty({ example: 'Local-Tc distribution' }) title!: string;
  @ApiProperty() xLabel!: string;
  @ApiProperty() yLabel!: string;
  @NullableString() y2Label!: string | null;
  @ApiProperty() xLog!: boolean;
  @ApiProperty() yLog!: boolean;
  @ApiProperty({ type: [PlotSeriesResponse], description: 'at most 16' }) series!: PlotSeriesResponse[];
  @ApiProperty({ type: [PlotMarkerResponse] }) markers!: PlotMarkerResponse[];
  @ApiProperty({ type: [PlotFactResponse], description: 'the figures the caption states' }) facts!: PlotFactResponse[];
  @ApiProperty({ type: [String], description: 'e.g. that a sweep stops before its transition is complete' }) notes!: string[];
}

/** GET /api/analyses/:id/plot: a run's panels from its stored curves, with fitted models evaluated from its stored parameters. */
export class AnalysisPlotResponse {
  @ApiProperty() runId!: string;
  @ApiProperty({ example: 'MAGNETIC' }) technique!: string;
  @ApiProperty({ enum: RunStatus, enumName: 'RunStatus' }) status!: RunStatus;
  @ApiProperty({ type: [PlotPanelResponse], description: 'empty until the run has SUCCEEDED' }) panels!: PlotPanelResponse[];
}
