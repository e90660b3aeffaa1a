import { TextIn } from '../../../common/text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TokenScope } from '../../../infra/database/schema';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from '../api-tokens.service';

export class LoginDto {
  @ApiProperty({ example: 'admin@vitrack.local' })
  @IsEmail()
  email!: string;

  @ApiProperty()
  @TextIn(1, 1024)
  password!: string;
}

export class AdminSetupDto {
  @ApiProperty({ description: 'the setup token the API logged at its first start' })
  @TextIn(1, 4096, { singleLine: true })
  token!: string;

  @ApiProperty({ minLength: 12 })
  @TextIn(12, 1024)
  password!: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'MPMS3 upload script' })
  @TextIn(1, 100, { singleLine: true })
  name!: string;

  @ApiPropertyOptional({
    enum: ['read', 'upload', 'full'],
    default: 'read',
    description: "read: GET only; upload: create measurements, add their files and read what that needs; full: the owner's role",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsIn(Object.values(TokenScope), { message: 'must be one of read, upload, full' })
  scope?: TokenScope;

  @ApiPropertyOptional({ default: API_TOKEN_DEFAULT_DAYS, minimum: 1, maximum: API_TOKEN_MAX_DAYS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(API_TOKEN_MAX_DAYS)
  expiresInDays?: number;
}

export class RedeemPasswordResetDto {
  @ApiProperty({ description: 'the reset token an administrator gave you' })
  @TextIn(1, 200, { singleLine: true })
  token!: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not your email address' })
  @TextIn(0, 1024)
  newPassword!: string;
}
