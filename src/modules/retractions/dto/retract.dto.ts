import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Why a record is retracted; kept with who and when, forever. */
export class RetractDto {
  @ApiProperty({ example: 'logged on the wrong piece (was I0001-R1-P04)', minLength: 1, maxLength: 1000 })
  @IsString({ message: 'reason is required (text)' })
  @Matches(/\S/, { message: 'reason is required' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}
