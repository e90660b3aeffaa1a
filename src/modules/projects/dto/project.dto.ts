import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ProjectRole } from '../../../infra/database/schema';
import { IsSingleLine } from '../../../common/text';

export class CreateProjectDto {
  @ApiProperty({ example: 'La-Al glasses', minLength: 1, maxLength: 100 })
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(100)
  // A name is shown in lists and menus: printable text, no leading or trailing spaces.
  @Matches(/^\S(.*\S)?$/u, { message: 'name must not start or end with a space' })
  @IsSingleLine()
  name!: string;
}

export class SetMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;

  @ApiPropertyOptional({
    enum: ProjectRole,
    description: "the user's role in this project; default: PI for a user whose global role is PI or ADMIN, else MEMBER",
  })
  @IsOptional()
  @IsEnum(ProjectRole)
  role?: ProjectRole;
}
