import { TextIn } from '../../../common/text';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBase64, IsString, MaxLength, ValidateNested } from 'class-validator';
import { UPLOAD_HEAD_BYTES } from '../../../../libs/analysis/src/upload-match';

/** Files per request: 40 heads of 16 KiB in base64 stay under the 1 MiB JSON body limit. */
export const MATCH_MAX_FILES = 40;
const HEAD_BASE64_MAX = Math.ceil(UPLOAD_HEAD_BYTES / 3) * 4;

export class MatchFileDto {
  @ApiProperty({ example: 'I0001-R1-P03_ZFC_20Oe_up_MPMS3-VSM.dat', description: 'the file name (a path is allowed; the base name is read)' })
  @TextIn(1, 500, { singleLine: true })
  fileName!: string;

  @ApiProperty({ description: `the file's first bytes (at most ${UPLOAD_HEAD_BYTES}), base64`, maxLength: HEAD_BASE64_MAX })
  @IsString()
  @MaxLength(HEAD_BASE64_MAX, { message: `headBase64 may carry at most the first ${UPLOAD_HEAD_BYTES} bytes` })
  @IsBase64(undefined, { message: 'headBase64 must be base64' })
  headBase64!: string;
}

export class MatchUploadsDto {
  @ApiProperty({ type: [MatchFileDto], minItems: 1, maxItems: MATCH_MAX_FILES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MATCH_MAX_FILES, { message: `files may list at most ${MATCH_MAX_FILES} files per request; send more requests` })
  @ValidateNested({ each: true })
  @Type(() => MatchFileDto)
  files!: MatchFileDto[];
}
