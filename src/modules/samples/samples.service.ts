import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../common/domain-error';
import { checkPerformedAt } from '../../common/performed-at';
import { withArticle } from '../../common/words';
import { Page, toPage } from '../../common/pagination';
import { Database, Executor } from '../../infra/database/database';
import { isUniqueViolation } from '../../infra/database/database-errors';
import type { SampleKind, SampleRow } from '../../infra/database/schema';
import { AlloysService } from '../alloys/alloys.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { assertVisible, canSee, chooseProject, type Viewer, visibleProjectIds } from '../projects/project-access';
import { ProjectsRepository } from '../projects/projects.repository';
import { CreateIngotDto, CreatePiecesDto, CreateRibbonDto } from './dto/create-sample.dto';
import { ListSamplesDto } from './dto/list-samples.dto';
import { ingotCode, pieceCode, ribbonCode } from './sample-code';
import { summarizeSteps, TreatmentTotals } from './sample-summary';
import { byPerformedAt, creatingStep, deriveSummary, shapingSteps, SampleView, StepRow, stepsBySample, stepsOfChain, toSampleView } from './sample-view';
import { SampleListQuery, SampleListRow, SampleWithAlloy, SamplesRepository } from './samples.repository';

export interface CreatedSample {
  id: string;
  code: string;
  kind: SampleKind;
  parentId: string | null;
}

const created = (s: SampleRow): CreatedSample => ({ id: s.id, code: s.code, kind: s.kind, parentId: s.parentId });

@Injectable()
export class SamplesService {
  constructor(
    private readonly samples: SamplesRepository,
    private readonly alloys: AlloysService,
    private readonly projects: ProjectsRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** The ingot goes to `dto.projectId`, or to the caller's only project (see chooseProject); any member of it may log one. */
  async createIngot(dto: CreateIngotDto, user: AuthUser): Promise<CreatedSample> {
    const projectId = await chooseProject(user, dto.projectId, () => this.projects.allIds());
    await this.alloys.get(dto.alloyId, 'alloyId');
    const performedAt = checkPerformedAt(dto.performedAt);
    return this.withFreshCode(async (trx) => {
      const n = (await this.samples.countByKind(trx, 'INGOT')) + 1;
      const ingot = await this.samples.create(trx, {
        code: ingotCode(n),
        kind: 'INGOT',
        alloyId: dto.alloyId,
        projectId,
        massMg: dto.massG * 1000,
        notes: dto.notes,
        createdById: user.id,
        // Arc-melted metal is crystalline: the glass (AS_QUENCHED) begins at MELT_SPIN.
        state: 'AS_CAST',
        signature: '',
      });
      const params = { massG: dto.massG, melts: dto.melts, ...(dto.purities ? { purities: dto.purities } : {}) };
      await this.samples.appendStep(trx, { sampleId: ingot.id, kind: 'ARC_MELT', params, performedAt, createdById: user.id });
      await this.audit.record(trx, user.id, 'sample.create', 'Sample', ingot.id, { code: ingot.code, kind: 'INGOT', ...params }, projectId);
      return created(ingot);
    });
  }

  /** A ribbon belongs to its ingot's project. */
  async createRibbon(ingotId: string, dto: CreateRibbonDto, user: AuthUser): Promise<CreatedSample> {
    const ingot = await this.parentOfKind(ingotId, 'INGOT', user);
    const performedAt = checkPerformedAt(dto.performedAt, await this.creationOf(ingot));
    return this.withFreshCode(async (trx) => {
      const n = (await this.samples.countByKind(trx, 'RIBBON', ingot.id)) + 1;
      const ribbon = await this.samples.create(trx, {
        code: ribbonCode(ingot.code, n),
        kind: 'RIBBON',
        alloyId: ingot.alloyId,
        projectId: ingot.projectId,
        parentId: ingot.id,
        notes: dto.notes,
        createdById: user.id,
        // Melt-spinning makes a new glass: nothing done to the ingot carries into it.
        state: 'AS_QUENCHED',
        signature: '',
      });
      const { performedAt: _at, notes: _notes, ...params } = dto;
      await this.samples.appendStep(trx, { sampleId: ribbon.id, kind: 'MELT_SPIN', params: { ...params }, performedAt, createdById: user.id });
      await this.audit.record(
        trx,
        user.id,
        'sample.create',
        'Sample',
        ribbon.id,
        { code: ribbon.code, kind: 'RIBBON', from: ingot.code, ...params },
        ingot.projectId,
      );
      return created(ribbon);
    });
  }

  /** Pieces belong to their ribbon's project. */
  async createPieces(ribbonId: string, dto: CreatePiecesDto, user: AuthUser): Promise<CreatedSample[]> {
    const ribbon = await this.parentOfKind(ribbonId, 'RIBBON', user);
    const ribbonSteps = await this.samples.stepsOf([ribbon.id]);
    const performedAt = checkPerformedAt(dto.performedAt, this.creationBound(ribbon, ribbonSteps));
    // A piece inherits the ribbon's (unretracted) steps performed before the cut.
    const inherited = summarizeSteps(ribbonSteps.filter((s) => !s.retraction && s.performedAt <= performedAt).sort(byPerformedAt));
    return this.withFreshCode(async (trx) => {
      const first = (await this.samples.countByKind(trx, 'PIECE', ribbon.id)) + 1;
      const pieces: CreatedSample[] = [];
      for (let i = 0; i < dto.count; i++) {
        const piece = await this.samples.create(trx, {
          code: pieceCode(ribbon.code, first + i),
          kind: 'PIECE',
          alloyId: ribbon.alloyId,
          projectId: ribbon.projectId,
          parentId: ribbon.id,
          massMg: dto.massMg,
          lengthMm: dto.lengthMm,
          notes: dto.notes,
          createdById: user.id,
          state: inherited.state,
          signature: inherited.signature,
        });
        await this.samples.appendStep(trx, {
          sampleId: piece.id,
          kind: 'CUT',
          params: { lengthMm: dto.lengthMm, massMg: dto.massMg, fromCode: ribbon.code },
          performedAt,
          createdById: user.id,
        });
        pieces.push(created(piece));
      }
      await this.audit.record(
        trx,
        user.id,
        'sample.cut',
        'Sample',
        ribbon.id,
        { count: dto.count, codes: pieces.map((p) => p.code), lengthMm: dto.lengthMm, massMg: dto.massMg },
        ribbon.projectId,
      );
      return pieces;
    });
  }

  async get(id: string, viewer: Viewer): Promise<SampleView> {
    const chain = await this.chainOrThrow(id, viewer);
    return toSampleView(chain, await this.samples.stepsOf(chain.map((s) => s.id)));
  }

  /** The ancestor chain (root first) and every descendant, for the lineage tree. */
  async lineage(id: string, viewer: Viewer) {
    const chain = await this.chainOrThrow(id, viewer);
    const brief = ({ id, code, kind, parentId, state, signature }: SampleRow) => ({ id, code, kind, parentId, state, signature });
    const self = chain[chain.length - 1];
    return { sample: brief(self), ancestors: chain.slice(0, -1).map(brief), descendants: await this.samples.descendants(id) };
  }

  /**
   * Ordered timeline of the sample in `performedAt` order: every step that shaped it (inherited
   * ones marked; a ribbon's or piece's timeline starts with the ingot's arc-melt, for provenance
   * only), its measurements, and each analysis run of their files. Retracted entries stay,
   * marked `retracted` with who, when and why. Three statements whatever the history's length.
   */
  async history(id: string, viewer: Viewer) {
    const chain = await this.chainOrThrow(id, viewer);
    const self = chain[chain.length - 1];
    const codeOf = new Map(chain.map((s) => [s.id, s.code]));
    const [allSteps, measurements] = await Promise.all([this.samples.stepsOf(chain.map((s) => s.id)), this.samples.measurementTimeline(id)]);
    const ingot = chain[0].kind === 'INGOT' && self.kind !== 'INGOT' ? chain[0] : undefined;
    const shown =
      self.kind === 'INGOT'
        ? allSteps.filter((s) => s.sampleId === id).sort(byPerformedAt)
        : [...allSteps.filter((s) => s.sampleId === ingot?.id && s.kind === 'ARC_MELT'), ...shapingSteps(chain, allSteps)];
    const steps = shown.map((s) => ({
      type: 'STEP' as const,
      id: s.id,
      at: s.performedAt,
      kind: s.kind,
      params: s.params,
      flags: s.flags,
      overrideReason: s.overrideReason,
      // Steps are read for the chain's ids, so every one has a code.
      sampleCode: codeOf.get(s.sampleId)!,
      inherited: s.sampleId !== id,
      createdById: s.createdById,
      recordedAt: s.createdAt,
      retracted: s.retraction !== null,
      retraction: s.retraction,
    }));
    const measured = measurements.flatMap((m) => [
      {
        type: 'MEASUREMENT' as const,
        id: m.id,
        at: new Date(m.performedAt),
        technique: m.technique,
        instrument: m.instrument,
        conditions: m.conditions,
        createdById: m.createdById,
        retracted: m.retraction !== null,
        retraction: m.retraction,
      },
      ...m.runs.map((r) => ({
        type: 'ANALYSIS' as const,
        id: r.id,
        at: new Date(r.finishedAt ?? r.createdAt),
        measurementId: m.id,
        fileId: r.fileId,
        status: r.status,
        analyzer: r.analyzer,
        analyzerVersion: r.analyzerVersion,
        error: r.error,
        // Left out of results when its file link or its measurement was retracted.
        retracted: (r.fileRetraction ?? m.retraction) !== null,
        retraction: r.fileRetraction ?? m.retraction,
      })),
    ]);
    // Stable sort: steps keep their physical order on equal timestamps, measurements precede their analyses.
    const events = [...steps, ...measured].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { sample: { id, code: self.code }, events };
  }

  /** The bound a new entry's performedAt must respect on `sample`: the step that created it. */
  creationBound(sample: Pick<SampleRow, 'id' | 'kind' | 'code'>, steps: StepRow[]): { at: Date; what: string } | undefined {
    const step = creatingStep(sample, steps);
    return step && { at: step.performedAt, what: `the ${step.kind} that created ${sample.code}` };
  }

  /** A new entry's performedAt on sample `id` (default now), checked against the clock and the sample's creation. */
  async checkedPerformedAt(id: string, at: Date | undefined, viewer: Viewer, field = 'id'): Promise<{ performedAt: Date; sample: SampleWithAlloy }> {
    const chain = await this.chainOrThrow(id, viewer).catch((e: unknown) => {
      throw e instanceof DomainError && e.code === 'NOT_FOUND' ? notFound('sample', id, field) : e;
    });
    const sample = chain[chain.length - 1];
    return { performedAt: checkPerformedAt(at, await this.creationOf(sample)), sample };
  }

  /**
   * Recomputes the cached state and signature of a sample whose steps changed (a step appended or
   * retracted) and, for a ribbon, of its pieces: what each piece inherited depends on the
   * ribbon's steps performed before its cut, so a backdated or retracted ribbon step changes it.
   */
  async refreshDerived(trx: Executor, chain: SampleWithAlloy[]): Promise<void> {
    const self = chain[chain.length - 1];
    const pieces = self.kind === 'RIBBON' ? await this.samples.children(self.id, trx) : [];
    const steps = stepsBySample(await this.samples.stepsOf([...chain.map((s) => s.id), ...pieces.map((p) => p.id)], trx));
    const rows = [self, ...pieces].map((s) => {
      const own = s === self ? chain : [...chain, s];
      const d = deriveSummary(own, stepsOfChain(own, steps));
      return { id: s.id, state: d.state, signature: d.signature };
    });
    await this.samples.setDerivedMany(trx, rows);
  }

  /** Treatment totals of each sample from its effective, unretracted steps (campaign matching), in two statements. */
  async totalsOf(ids: string[]): Promise<Map<string, TreatmentTotals>> {
    const out = new Map<string, TreatmentTotals>();
    if (ids.length === 0) return out;
    const rows = await this.samples.withParents(ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const steps = stepsBySample(await this.samples.stepsOf(rows.map((r) => r.id)));
    for (const id of ids) {
      const sample = byId.get(id);
      if (!sample) continue;
      const parent = sample.parentId ? byId.get(sample.parentId) : undefined;
      const chain = parent ? [parent, sample] : [sample];
      out.set(id, deriveSummary(chain, stepsOfChain(chain, steps)).totals);
    }
    return out;
  }

  /**
   * Codes are upper-case (I0001-R1-P03), so matching an upper-cased prefix makes the search
   * case-insensitive. Only the viewer's projects' samples are listed (`projectId` narrows that to one).
   */
  async list(q: ListSamplesDto, viewer: Viewer): Promise<Page<SampleListRow>> {
    const { projectId } = q;
    let projectIds = visibleProjectIds(viewer);
    if (projectId) projectIds = canSee(viewer, projectId) ? [projectId] : [];
    if (projectIds?.length === 0) return { items: [], nextCursor: null };
    // Field by field: object rest on the DTO (a class instance) took V8's generic copy, ~6 µs per
    // request. Every key is required here, so a filter added to the DTO cannot be left out.
    const query: { [K in keyof Required<SampleListQuery>]: SampleListQuery[K] } = {
      kind: q.kind,
      state: q.state,
      alloyId: q.alloyId,
      campaignId: q.campaignId,
      codePrefix: q.codePrefix?.toUpperCase(),
      cursor: q.cursor,
      limit: q.limit,
      projectIds,
    };
    return toPage(await this.samples.list(query), q.limit);
  }

  /** The sample's chain, root first; 404 for a sample that does not exist or belongs to a project `viewer` is not in. */
  async chainOrThrow(id: string, viewer: Viewer, db?: Executor): Promise<SampleWithAlloy[]> {
    const chain = await this.samples.chain(id, db);
    assertVisible(viewer, chain[chain.length - 1]?.projectId, 'sample', id);
    return chain;
  }

  private async creationOf(sample: SampleRow, db?: Executor): Promise<{ at: Date; what: string } | undefined> {
    return this.creationBound(sample, await this.samples.stepsOf([sample.id], db));
  }

  private async parentOfKind(id: string, kind: SampleKind, viewer: Viewer): Promise<SampleRow> {
    const chain = await this.chainOrThrow(id, viewer);
    const parent = chain[chain.length - 1];
    if (parent.kind !== kind) {
      throw new DomainError('INVALID_LINEAGE', `sample ${parent.code} is ${withArticle(parent.kind)}; this step needs ${withArticle(kind)}`, 'id');
    }
    return parent;
  }

  /** Codes are numbered by counting siblings; two concurrent creations collide on the unique code, so retry. */
  private async withFreshCode<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(work);
      } catch (e) {
        const retry = isUniqueViolation(e, 'code') && attempt < 5;
        if (!retry) throw e;
      }
    }
  }
}
