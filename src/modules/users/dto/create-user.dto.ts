import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../infra/database/schema';
import { IsEmail, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'ana@lab.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'Ana Ruiz' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  password!: string;
}
