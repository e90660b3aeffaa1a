/** Response bodies of the users routes (see src/common/api-response.ts for why they exist). */
import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../infra/database/schema';
import { DateTime } from '../../../common/api-response';

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @DateTime() createdAt!: Date;
}
