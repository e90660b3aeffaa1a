/** Response bodies of the alloys routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { DateTime, NumberMap } from '../../../common/api-response';

export class AlloyResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'La75Al25' }) name!: string;
  @NumberMap({ description: 'nominal composition, atomic %' }) composition!: unknown;
  @ApiProperty({ description: 'g/cm³' }) densityGCm3!: number;
  @ApiProperty({ description: 'glass transition, K' }) tgK!: number;
  @ApiProperty({ description: 'crystallization onset, K' }) txK!: number;
  @DateTime() createdAt!: Date;
}
