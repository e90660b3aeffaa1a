import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { withArticle } from '../../common/words';
import { Database } from '../../infra/database/database';
import type { CampaignRow } from '../../infra/database/schema';
import { AlloysService } from '../alloys/alloys.service';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../../infra/database/database-errors';
import { AuthUser } from '../auth/auth.decorators';
import { assertVisible, chooseProject, requirePiIn, type Viewer, visibleProjectIds } from '../projects/project-access';
import { ProjectsRepository } from '../projects/projects.repository';
import type { CampaignFactor, ReportInput, TechniqueName } from '../reports/report.types';
import { SamplesService } from '../samples/samples.service';
import { latestResults, progressMatrix } from './campaign-progress';
import { CampaignsRepository } from './campaigns.repository';
import { CandidatePageResponse } from './dto/campaign.responses';
import { AssignDto, CandidatesQueryDto, CreateCampaignDto } from './dto/create-campaign.dto';
import { levelMismatches } from './level-match';

@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly samples: SamplesService,
    private readonly alloys: AlloysService,
    private readonly projects: ProjectsRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** In `dto.projectId` (or the caller's only project), of which the caller must be a PI (or ADMIN). */
  async create(dto: CreateCampaignDto, user: AuthUser): Promise<CampaignRow> {
    const projectId = await chooseProject(user, dto.projectId, () => this.projects.allIds());
    requirePiIn(user, projectId, 'designing a campaign');
    const f = dto.factor;
    const foreign = f.kind === 'ANNEAL_HOLD_MIN' ? (['lowK', 'highK'] as const) : (['targetK'] as const);
    for (const k of foreign) if (f[k] !== undefined) throw fieldError(`factor.${k}`, `is not a field of ${withArticle(f.kind)} factor`);
    if (f.kind === 'CRYO_CYCLES' && f.lowK! >= f.highK!) throw fieldError('factor.lowK', `must lie below highK (${f.highK} K)`);
    if (f.kind === 'CRYO_CYCLES' && f.levels.some((l) => !Number.isInteger(l))) throw fieldError('factor.levels', 'cycle counts must be whole numbers');
    const factor: CampaignFactor =
      f.kind === 'ANNEAL_HOLD_MIN'
        ? { kind: f.kind, targetK: f.targetK!, levels: [...f.levels].sort((a, b) => a - b) }
        : { kind: f.kind, lowK: f.lowK!, highK: f.highK!, levels: [...f.levels].sort((a, b) => a - b) };
    const alloy = await this.alloys.get(dto.alloyId, 'alloyId');
    // A glass anneal stays below Tg (between Tg and Tx is a PI's one-off override, never a campaign's design).
    if (factor.kind === 'ANNEAL_HOLD_MIN' && factor.targetK >= alloy.tgK) {
      throw new DomainError(
        'ANNEAL_AT_OR_ABOVE_TG',
        `an anneal factor at ${factor.targetK} K is at or above the Tg of ${alloy.name} (${alloy.tgK} K): a campaign anneals the glass below Tg`,
        'factor.targetK',
      );
    }
    return this.db
      .transaction(async (trx) => {
        const c = await this.campaigns.create(trx, {
          name: dto.name,
          projectId,
          alloyId: alloy.id,
          hypothesis: dto.hypothesis,
          factor,
          plannedTechniques: dto.plannedTechniques,
          createdById: user.id,
        });
        await this.audit.record(trx, user.id, 'campaign.create', 'Campaign', c.id, { name: dto.name, alloy: alloy.name, factor }, projectId);
        return c;
      })
      .catch((e: unknown) => {
        // Names are unique within a project; the key's columns would name projectId too.
        if (isUniqueViolation(e, 'projectId,name')) throw new DomainError('CONFLICT', `this project has a campaign named ${dto.name} already`, 'name');
        throw e;
      });
  }

  /** The viewer's projects' campaigns, newest first (ADMIN: all). */
  list(viewer: Viewer): Promise<CampaignRow[]> {
    return this.campaigns.list(visibleProjectIds(viewer));
  }

  /** 404 for a campaign that does not exist or belongs to a project `viewer` is not in. */
  async get(id: string, viewer: Viewer): Promise<CampaignRow & { factor: CampaignFactor }> {
    const c = await this.campaigns.find(id);
    assertVisible(viewer, c?.projectId, 'campaign', id);
    return c as CampaignRow & { factor: CampaignFactor };
  }

  /**
   * Assigns a piece to a level after checking that it is a piece of the campaign's alloy and
   * that its treatment history really is that level.
   */
  async assign(id: string, dto: AssignDto, user: AuthUser) {
    const campaign = await this.get(id, user);
    requirePiIn(user, campaign.projectId, 'assigning pieces to a campaign');
    if (!campaign.factor.levels.includes(dto.level)) throw fieldError('level', `must be one of ${campaign.factor.levels.join(', ')}`);
    const chain = await this.samples.chainOrThrow(dto.sampleId, user).catch((e: unknown) => {
      throw e instanceof DomainError && e.code === 'NOT_FOUND' ? notFound('sample', dto.sampleId, 'sampleId') : e;
    });
    const sample = chain[chain.length - 1];
    if (sample.projectId !== campaign.projectId) {
      throw new DomainError(
        'OTHER_PROJECT',
        `${sample.code} belongs to another project than campaign ${campaign.name}: a campaign takes its own project's pieces`,
        'sampleId',
      );
    }
    if (sample.kind !== 'PIECE') {
      throw new DomainError('ASSIGNMENT_MISMATCH', `only pieces can be assigned; ${sample.code} is ${withArticle(sample.kind)}`, 'sampleId');
    }
    if (campaign.alloyId !== null && sample.alloyId !== campaign.alloyId) {
      const studied = await this.alloys.get(campaign.alloyId);
      throw new DomainError(
        'ASSIGNMENT_MISMATCH',
        `${sample.code} is of alloy ${sample.alloy.name}; campaign ${campaign.name} studies ${studied.name}`,
        'sampleId',
      );
    }
    const totals = (await this.samples.totalsOf([dto.sampleId])).get(dto.sampleId)!;
    const mismatches = levelMismatches(campaign.factor, dto.level, totals);
    if (mismatches.length > 0) {
      throw new DomainError('ASSIGNMENT_MISMATCH', `${sample.code} does not match level ${dto.level}: ${mismatches.join('; ')}`, 'level');
    }
    return this.db.transaction(async (trx) => {
      if (campaign.alloyId === null) await this.campaigns.setAlloyIfUnset(trx, id, sample.alloyId);
      const a = await this.campaigns.upsertAssignment(trx, id, dto.sampleId, dto.level, user.id);
      await this.audit.record(
        trx,
        user.id,
        'campaign.assign',
        'Campaign',
        id,
        { sampleId: dto.sampleId, code: sample.code, level: dto.level },
        campaign.projectId,
      );
      return { campaignId: a.campaignId, sampleId: a.sampleId, code: sample.code, level: a.level };
    });
  }

  /**
   * A page of the campaign alloy's pieces (code order, optional code prefix) with, for every level, why each piece's
   * history does not match it — the same check assign() makes — and the level it is assigned to.
   */
  async candidates(id: string, q: CandidatesQueryDto, user: AuthUser): Promise<CandidatePageResponse> {
    const campaign = await this.get(id, user);
    requirePiIn(user, campaign.projectId, "choosing a campaign's pieces");
    const [page, assigned] = await Promise.all([
      this.samples.list(
        {
          kind: 'PIECE',
          alloyId: campaign.alloyId ?? undefined,
          projectId: campaign.projectId,
          codePrefix: q.codePrefix?.toUpperCase(),
          limit: q.limit,
          cursor: q.cursor,
        },
        user,
      ),
      this.campaigns.pieces(id),
    ]);
    const levelOf = new Map(assigned.map((a) => [a.sampleId, a.level]));
    const totals = await this.samples.totalsOf(page.items.map((p) => p.id));
    const items = page.items.map((piece) => {
      const facts = totals.get(piece.id)!;
      return {
        sampleId: piece.id,
        code: piece.code,
        state: piece.state,
        signature: piece.signature,
        assignedLevel: levelOf.get(piece.id) ?? null,
        levels: campaign.factor.levels.map((level) => ({ level, mismatches: levelMismatches(campaign.factor, level, facts) })),
      };
    });
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * Everything a report or the progress matrix needs, read in five queries. Each assigned piece is
   * checked against its level again (its history may have changed since: a backdated or retracted
   * step): `mismatches` says why the match no longer holds, empty while it does.
   */
  async reportInput(id: string, viewer: Viewer): Promise<ReportInput> {
    const c = await this.get(id, viewer);
    const [assigned, facts] = await Promise.all([this.campaigns.pieces(id), this.campaigns.measurementFacts(id)]);
    const totals = await this.samples.totalsOf(assigned.map((p) => p.sampleId));
    const pieces = assigned.map((p) => {
      const t = totals.get(p.sampleId);
      const mismatches = t ? levelMismatches(c.factor, p.level, t) : [];
      return { ...p, matchBroken: mismatches.length > 0, mismatches };
    });
    const techniques: TechniqueName[] = c.plannedTechniques;
    return {
      campaign: { id: c.id, name: c.name, hypothesis: c.hypothesis, factor: c.factor, plannedTechniques: techniques },
      pieces,
      results: latestResults(facts),
      progress: progressMatrix(c.factor.levels, techniques, pieces, facts),
    };
  }

  async progress(id: string, viewer: Viewer) {
    const input = await this.reportInput(id, viewer);
    return {
      campaignId: id,
      levels: input.campaign.factor.levels,
      techniques: input.campaign.plannedTechniques,
      cells: input.progress,
      brokenMatches: input.pieces.flatMap((p) => (p.matchBroken ? [{ ...p, matchBroken: true, mismatches: p.mismatches ?? [] }] : [])),
    };
  }
}
