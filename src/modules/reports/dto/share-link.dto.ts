import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DateTime } from '../../../common/api-response';
import { SHARE_LINK_MAX_DAYS } from '../share-links.service';

export class CreateShareLinkDto {
  @ApiProperty({ minimum: 1, maximum: SHARE_LINK_MAX_DAYS, example: 7 })
  @IsInt()
  @Min(1)
  @Max(SHARE_LINK_MAX_DAYS)
  expiresInDays!: number;
}

export class ShareLinkResponse {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() createdById!: string;
  @DateTime() createdAt!: Date;
  @DateTime() expiresAt!: Date;
  @DateTime({ nullable: true }) revokedAt!: Date | null;
}

export class CreatedShareLinkResponse extends ShareLinkResponse {
  @ApiProperty({ description: 'the link for users: PUBLIC_URL followed by the path, or the path alone when PUBLIC_URL is unset' }) url!: string;
  @ApiProperty({ description: 'the link path: the HTML report; `…/report` (no extension) is the JSON' }) path!: string;
  @ApiProperty({ description: 'the secret part of the link; anyone holding it reads this report until it expires or is revoked' }) token!: string;
}
