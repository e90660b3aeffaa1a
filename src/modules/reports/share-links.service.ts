import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, notFound } from '../../common/domain-error';
import { Env } from '../../config/env';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { CampaignsService } from '../campaigns/campaigns.service';
import { requirePiIn } from '../projects/project-access';
import { ShareLinkRow, ShareLinksRepository } from './share-links.repository';

/** Longest life of a share link, days. */
export const SHARE_LINK_MAX_DAYS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Read-only links to one campaign's report for people without an account (a collaborator, a
 * referee). The link is `<id>.<HMAC-SHA256 of the id under JWT_SECRET>`: unguessable, checked
 * without a stored secret, and still looked up on every use, so expiry and revocation hold (and
 * rotating JWT_SECRET voids every link). It opens that report (JSON or HTML) and nothing else.
 */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly links: ShareLinksRepository,
    private readonly campaigns: CampaignsService,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {}

  /** A PI of the campaign's project (or ADMIN) shares its report. */
  async create(campaignId: string, expiresInDays: number, actor: AuthUser): Promise<ShareLinkRow & { token: string; path: string }> {
    const campaign = await this.campaigns.get(campaignId, actor);
    requirePiIn(actor, campaign.projectId, "sharing a campaign's report");
    const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
    const row = await this.db.transaction(async (trx) => {
      const link = await this.links.create(trx, { campaignId, createdById: actor.id, expiresAt });
      await this.audit.record(trx, actor.id, 'share-link.create', 'Campaign', campaignId, { shareLinkId: link.id, expiresAt }, campaign.projectId);
      return link;
    });
    const token = `${row.id}.${this.sign(row.id)}`;
    return { ...row, token, path: `/api/shared/${token}/report.html` };
  }

  async list(campaignId: string, viewer: AuthUser): Promise<ShareLinkRow[]> {
    const campaign = await this.campaigns.get(campaignId, viewer);
    requirePiIn(viewer, campaign.projectId, "listing a campaign's share links");
    return this.links.listFor(campaignId);
  }

  async revoke(campaignId: string, id: string, actor: AuthUser): Promise<void> {
    const campaign = await this.campaigns.get(campaignId, actor);
    requirePiIn(actor, campaign.projectId, "revoking a campaign's share link");
    await this.db.transaction(async (trx) => {
      if (!(await this.links.revoke(trx, campaignId, id))) throw notFound('share link', id, 'linkId');
      await this.audit.record(trx, actor.id, 'share-link.revoke', 'Campaign', campaignId, { shareLinkId: id }, campaign.projectId);
    });
  }

  /** The campaign a share token opens, or 404 (forged, expired and revoked links look alike). */
  async campaignOf(token: string): Promise<string> {
    const [id, mac] = token.split('.');
    const gone = new DomainError('NOT_FOUND', 'this share link is invalid, expired or revoked', 'token');
    if (!id || !mac || !UUID.test(id)) throw gone;
    const expected = Buffer.from(this.sign(id));
    const sent = Buffer.from(mac);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw gone;
    const campaignId = await this.links.liveCampaign(id);
    if (!campaignId) throw gone;
    return campaignId;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.env.JWT_SECRET).update(`share:${id}`).digest('base64url');
  }
}
