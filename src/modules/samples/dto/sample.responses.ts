/** Response bodies of the samples routes, as the OpenAPI document (and so the web app's client) sees them. */
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { RunStatus, SampleKind, SampleState, StepKind } from '../../../infra/database/schema';
import { DateTime, JsonObject, NullableNumber, NullableString, NumberMap, RetractionField, RetractionResponse } from '../../../common/api-response';
import { TECHNIQUE_IDS } from '../../../../libs/analysis/src/techniques';

export class CreatedSampleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: SampleKind, enumName: 'SampleKind' }) kind!: SampleKind;
  @NullableString() parentId!: string | null;
}

export class SampleRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
}

export class SampleTotalsResponse {
  @NumberMap({ description: 'minutes held at each anneal temperature (key: K)' }) annealMinByK!: Record<string, number>;
  @ApiProperty() cryoCycles!: number;
  @NumberMap({ description: 'cryo cycles per low/high temperature pair (key: "77/293", K)' }) cryoCyclesByRange!: Record<string, number>;
  @ApiProperty() crystallized!: boolean;
}

export class AlloyRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class SampleViewResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'I0001-R1-P03' }) code!: string;
  @ApiProperty({ enum: SampleKind, enumName: 'SampleKind' }) kind!: SampleKind;
  @ApiProperty({ type: AlloyRefResponse }) alloy!: AlloyRefResponse;
  @ApiProperty({ format: 'uuid', description: 'the project of the sample (its ingot)' }) projectId!: string;
  @NullableString() parentId!: string | null;
  @NullableNumber() massMg!: number | null;
  @NullableNumber() lengthMm!: number | null;
  @NullableString() notes!: string | null;
  @ApiProperty({ enum: SampleState, enumName: 'SampleState' }) state!: SampleState;
  @ApiProperty({ enum: SampleState, enumName: 'SampleState', isArray: true }) stateSequence!: SampleState[];
  @ApiProperty({ example: 'A453K·5min → C77/293K×27' }) signature!: string;
  @ApiProperty({ type: SampleTotalsResponse }) totals!: SampleTotalsResponse;
  @ApiProperty({ type: [String], description: 'guardrail flags on any effective step (TG_OVERRIDE, ON_CRYSTALLIZED_PIECE)' }) flags!: string[];
  @DateTime() createdAt!: Date;
}

export class SampleListRowResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: SampleKind, enumName: 'SampleKind' }) kind!: SampleKind;
  @ApiProperty({ enum: SampleState, enumName: 'SampleState' }) state!: SampleState;
  @ApiProperty() signature!: string;
  @ApiProperty() alloyId!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @NullableString() parentId!: string | null;
  @NullableNumber() massMg!: number | null;
  @DateTime() createdAt!: Date;
}

export class SamplePageResponse {
  @ApiProperty({ type: [SampleListRowResponse] }) items!: SampleListRowResponse[];
  @NullableString({ description: 'pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

export class LineageSampleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: SampleKind, enumName: 'SampleKind' }) kind!: SampleKind;
  @NullableString() parentId!: string | null;
  @ApiProperty({ enum: SampleState, enumName: 'SampleState' }) state!: SampleState;
  @ApiProperty() signature!: string;
}

export class LineageResponse {
  @ApiProperty({ type: LineageSampleResponse }) sample!: LineageSampleResponse;
  @ApiProperty({ type: [LineageSampleResponse], description: 'root first' }) ancestors!: LineageSampleResponse[];
  @ApiProperty({ type: [LineageSampleResponse] }) descendants!: LineageSampleResponse[];
}

export class StepEventResponse {
  @ApiProperty({ enum: ['STEP'] }) type!: 'STEP';
  @ApiProperty() id!: string;
  @DateTime({ description: 'performedAt' }) at!: Date;
  @ApiProperty({ enum: StepKind, enumName: 'StepKind' }) kind!: StepKind;
  @JsonObject() params!: unknown;
  @ApiProperty({ type: [String] }) flags!: string[];
  @NullableString() overrideReason!: string | null;
  @ApiProperty({ description: 'code of the sample the step was performed on (an ancestor for inherited steps)' }) sampleCode!: string;
  @ApiProperty({ description: 'performed on an ancestor before this sample was made from it' }) inherited!: boolean;
  @ApiProperty() createdById!: string;
  @DateTime() recordedAt!: Date;
  @ApiProperty({ description: 'retracted: kept in the history, left out of state, signature, totals and campaigns' }) retracted!: boolean;
  @RetractionField() retraction!: RetractionResponse | null;
}

export class MeasurementEventResponse {
  @ApiProperty({ enum: ['MEASUREMENT'] }) type!: 'MEASUREMENT';
  @ApiProperty() id!: string;
  @DateTime() at!: Date;
  @ApiProperty({ enum: TECHNIQUE_IDS, enumName: 'Technique' }) technique!: string;
  @ApiProperty() instrument!: string;
  @JsonObject() conditions!: unknown;
  @ApiProperty() createdById!: string;
  @ApiProperty({ description: 'retracted: kept in the history, left out of progress and reports' }) retracted!: boolean;
  @RetractionField() retraction!: RetractionResponse | null;
}

export class AnalysisEventResponse {
  @ApiProperty({ enum: ['ANALYSIS'] }) type!: 'ANALYSIS';
  @ApiProperty() id!: string;
  @DateTime() at!: Date;
  @ApiProperty() measurementId!: string;
  @ApiProperty() fileId!: string;
  @ApiProperty({ enum: RunStatus, enumName: 'RunStatus' }) status!: string;
  @ApiProperty() analyzer!: string;
  @ApiProperty() analyzerVersion!: string;
  @NullableString() error!: string | null;
  @ApiProperty({ description: 'its file link or its measurement was retracted: left out of progress and reports' }) retracted!: boolean;
  @RetractionField() retraction!: RetractionResponse | null;
}

@ApiExtraModels(StepEventResponse, MeasurementEventResponse, AnalysisEventResponse)
export class HistoryResponse {
  @ApiProperty({ type: SampleRefResponse }) sample!: SampleRefResponse;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [StepEventResponse, MeasurementEventResponse, AnalysisEventResponse].map((m) => ({ $ref: getSchemaPath(m) })),
      discriminator: {
        propertyName: 'type',
        mapping: {
          STEP: getSchemaPath(StepEventResponse),
          MEASUREMENT: getSchemaPath(MeasurementEventResponse),
          ANALYSIS: getSchemaPath(AnalysisEventResponse),
        },
      },
    },
  })
  events!: (StepEventResponse | MeasurementEventResponse | AnalysisEventResponse)[];
}
