import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@vitrack.local' })
  @IsEmail()
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  password!: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'MPMS3 upload script' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}
