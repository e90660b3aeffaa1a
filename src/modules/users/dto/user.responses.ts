/** Response bodies of the users routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../infra/database/schema';
import { DateTime } from '../../../common/api-response';

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ description: 'a disabled user cannot sign in, and their sessions and tokens no longer work' }) disabled!: boolean;
  @DateTime() createdAt!: Date;
}

export class PasswordResetResponse {
  @ApiProperty({ description: 'shown once; redeem with POST /api/auth/password-reset {token, newPassword} before expiresAt' }) token!: string;
  @DateTime() expiresAt!: Date;
}
