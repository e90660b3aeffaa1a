/** Response bodies of the retraction routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { DateTime, NullableString } from '../../../common/api-response';
import { RetractionTarget } from '../../../infra/database/schema';
import { SampleViewResponse } from '../../samples/dto/sample.responses';

export class RetractionRecordResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RetractionTarget, enumName: 'RetractionTarget' }) target!: RetractionTarget;
  @NullableString({ description: 'the retracted step (target STEP)' }) stepId!: string | null;
  @NullableString({ description: 'the retracted measurement, or the measurement of the retracted file link' }) measurementId!: string | null;
  @NullableString({ description: 'the file of the retracted link (target FILE)' }) fileId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'id of the user who retracted it' }) by!: string;
  @DateTime() at!: Date;
}

export class StepRetractionResponse {
  @ApiProperty({ type: RetractionRecordResponse }) retraction!: RetractionRecordResponse;
  @ApiProperty({ type: SampleViewResponse, description: 'the sample without the retracted step' }) sample!: SampleViewResponse;
}

export class RetractionResponseBody {
  @ApiProperty({ type: RetractionRecordResponse }) retraction!: RetractionRecordResponse;
}
