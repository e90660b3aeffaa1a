import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

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
}
