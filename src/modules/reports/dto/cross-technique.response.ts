/** The per-piece cross-technique comparison (libs/analysis/src/cross-technique) as the API serves it. */
import { ApiProperty } from '@nestjs/swagger';
import { NullableNumber } from '../../../common/api-response';

export class CombinedRunResponse {
  @ApiProperty() runId!: string;
  @ApiProperty({ example: 'magnetic' }) analyzer!: string;
  @ApiProperty({ example: '1.2.0' }) analyzerVersion!: string;
}

export class CombinedRunsResponse {
  @ApiProperty({ type: CombinedRunResponse, nullable: true, description: "the piece's newest successful ZFC magnetic analysis" })
  zfc!: CombinedRunResponse | null;
  @ApiProperty({ type: CombinedRunResponse, nullable: true, description: "the piece's newest successful resistance analysis" })
  resistance!: CombinedRunResponse | null;
}

export class CrossTechniqueResponse {
  @ApiProperty({ type: CombinedRunsResponse, description: 'the analyses combined (run ids and analyzer versions)' }) combined!: CombinedRunsResponse;
  @ApiProperty({ type: [String], description: 'why a number is null, in plain words (empty when all are there)' }) missing!: string[];
  @NullableNumber({ description: 'resistive Tc (50 % of R_n), K' }) tcResistiveK!: number | null;
  @NullableNumber({ description: 'local-Tc μ of the Gaussian fit to the ZFC χ(T), K' }) muK!: number | null;
  @NullableNumber({ description: 'local-Tc σ of that fit, K' }) sigmaK!: number | null;
  @NullableNumber({ description: '(Tc_R − μ)/σ' }) tcResistiveZ!: number | null;
  @NullableNumber({ description: 'standard error of (Tc_R − μ)/σ' }) tcResistiveZErr!: number | null;
  @NullableNumber({ description: 'share of the 1.8 K ZFC shielding already present at Tc_R (fitted distribution)' })
  shieldingAtTcResistiveFraction!: number | null;
  @NullableNumber({ description: 'χ(10–90 %) width / R(10–90 %) width' }) widthRatio!: number | null;
  @NullableNumber({ description: 'ZFC χ 10–90 % width, K' }) chiWidth1090K!: number | null;
  @NullableNumber({ description: 'R 10–90 % width, K' }) resistiveWidth1090K!: number | null;
  @ApiProperty({ description: 'the χ sweep stopped before its transition was complete (μ, σ extrapolated by the fit)' }) zfcTruncated!: boolean;
}
