import { ApiProperty } from '@nestjs/swagger';
import { ProjectRole } from '../../../infra/database/schema';

export class ProjectResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ enum: ProjectRole, nullable: true, type: String, description: "the caller's role in the project (null: an ADMIN who is not a member)" })
  role!: ProjectRole | null;
}

export class ProjectMemberResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ProjectRole }) role!: ProjectRole;
  @ApiProperty() addedAt!: Date;
}

export class MembershipResponse {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ProjectRole }) role!: ProjectRole;
}
