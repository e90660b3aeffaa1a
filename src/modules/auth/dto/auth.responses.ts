/** Response bodies of the auth routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { DateTime } from '../../../common/api-response';
import { ProjectRole, Role, TokenScope } from '../../../infra/database/schema';

export class SessionUserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
}

export class MembershipOfMeResponse {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ enum: ProjectRole, enumName: 'ProjectRole' }) role!: ProjectRole;
}

export class MeResponse extends SessionUserResponse {
  @ApiProperty({
    type: [MembershipOfMeResponse],
    description: 'the projects the caller is a member of, with the role there (an ADMIN sees every project besides)',
  })
  projects!: MembershipOfMeResponse[];
}

export class LoginResponse {
  @ApiProperty({ description: 'a JWT for scripts: `Authorization: Bearer <token>`; browsers use the session cookie set alongside' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @DateTime() expiresAt!: Date;
  @ApiProperty({ description: 'send as X-CSRF-Token on state-changing requests that use the session cookie (also in the vitrack_csrf cookie)' })
  csrfToken!: string;
  @ApiProperty({ type: SessionUserResponse }) user!: SessionUserResponse;
}

export class ApiTokenInfoResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TokenScope, enumName: 'TokenScope' }) scope!: TokenScope;
  @DateTime() createdAt!: Date;
  @DateTime() expiresAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'written at most once a minute' }) lastUsedAt!: Date | null;
}

export class ApiTokenResponse extends ApiTokenInfoResponse {
  @ApiProperty({ description: 'shown once; stored hashed' }) token!: string;
}

export class PasswordResetDoneResponse {
  @ApiProperty() email!: string;
}
