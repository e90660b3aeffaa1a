/** The report's transitions figure (Fig. 4(c)) as data: the pieces and their stored curves, for the web app to draw. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class XYCurveResponse {
  @ApiProperty({ type: [Number], description: 'temperature, K' }) x!: number[];
  @ApiProperty({ type: [Number] }) y!: number[];
}

export class TransitionPieceResponse {
  @ApiProperty({ format: 'uuid' }) sampleId!: string;
  @ApiProperty({ example: 'I0001-R1-P01' }) code!: string;
  @ApiProperty({ description: 'the campaign level the piece is assigned to' }) level!: number;
  @ApiPropertyOptional({ example: 'level 1 min' }) subtitle?: string;
  @ApiPropertyOptional({ type: XYCurveResponse, description: 'dχ/dT of its newest ZFC sweep' }) zfcDerivative?: XYCurveResponse;
  @ApiPropertyOptional({ type: XYCurveResponse, description: 'dχ/dT of its newest FC sweep' }) fcDerivative?: XYCurveResponse;
  @ApiPropertyOptional({ type: XYCurveResponse, description: 'R(T) at the lowest field of its newest resistance run' }) resistance?: XYCurveResponse;
}

export class ReportTransitionsResponse {
  @ApiProperty({ type: [TransitionPieceResponse], description: 'the pieces asked for, else one per level (the HTML report draws the same ones)' })
  pieces!: TransitionPieceResponse[];
}
