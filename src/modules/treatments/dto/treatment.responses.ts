/** Response body of POST /samples/:id/treatments (see src/common/api-response.ts for why it exists). */
import { ApiProperty } from '@nestjs/swagger';
import { StepKind } from '../../../infra/database/schema';
import { DateTime, JsonObject, NullableString } from '../../../common/api-response';
import { SampleViewResponse } from '../../samples/dto/sample.responses';

export class AppliedStepResponse {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: StepKind, enumName: 'StepKind' }) kind!: StepKind;
  @JsonObject() params!: unknown;
  @ApiProperty({ type: [String] }) flags!: string[];
  @NullableString() overrideReason!: string | null;
  @DateTime() performedAt!: Date;
}

export class TreatmentResponse {
  @ApiProperty({ type: AppliedStepResponse }) step!: AppliedStepResponse;
  @ApiProperty({ type: SampleViewResponse, description: 'the sample with the step applied' }) sample!: SampleViewResponse;
  @ApiProperty({ type: [String], description: 'guardrail warnings the step raised (override used, crystallized piece …)' }) warnings!: string[];
}
