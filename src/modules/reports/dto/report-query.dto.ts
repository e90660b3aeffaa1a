import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { TextIn } from '../../../common/text';

/** The HTML report's options. */
export class ReportHtmlQueryDto {
  @ApiPropertyOptional({
    example: 'I0001-R1-P01,I0001-R1-P05',
    description: 'pieces (codes, comma-separated, at most 12) of the transitions figure (Fig. 4(c)); default one piece per level',
  })
  @IsOptional()
  @TextIn(0, 600)
  @Matches(/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+){0,11}$/, { message: 'pieces is a comma-separated list of at most 12 piece codes (letters, digits, dashes)' })
  pieces?: string;
}
