import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TokenScope } from '../../../infra/database/schema';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from '../api-tokens.service';

export class LoginDto {
  @ApiProperty({ example: 'admin@vitrack.local' })
  @IsEmail()
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class AdminSetupDto {
  @ApiProperty({ description: 'the setup token the API logged at its first start' })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(1024)
  password!: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'MPMS3 upload script' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
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
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not your email address' })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}
