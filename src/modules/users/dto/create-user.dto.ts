import { TextIn } from '../../../common/text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '../../../infra/database/schema';
import { IsBoolean, IsEmail, IsEnum, IsOptional } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'ana@lab.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'Ana Ruiz' })
  @TextIn(1, 200, { singleLine: true })
  name!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ minLength: 8 })
  @TextIn(8, 1024)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: "true stops the user's sessions and tokens at once and refuses their logins" })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ example: 'Ana Ruiz' })
  @IsOptional()
  @TextIn(1, 200, { singleLine: true })
  name?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @TextIn(1, 1024)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not your email address' })
  @TextIn(0, 1024)
  newPassword!: string;
}
