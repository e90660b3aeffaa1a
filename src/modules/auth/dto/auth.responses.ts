/** Response bodies of the auth routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';

export class LoginResponse {
  @ApiProperty({ description: 'a JWT; send it as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
}

export class ApiTokenResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'shown once; stored hashed' }) token!: string;
}
