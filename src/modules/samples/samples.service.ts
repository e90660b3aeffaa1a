import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../common/domain-error';
import { Page, toPage } from '../../common/pagination';
import { Database, Executor } from '../../infra/database/database';
import { isUniqueViolation } from '../../infra/database/database-errors';
import type { SampleKind, SampleRow } from '../../infra/database/schema';
import { AlloysService } from '../alloys/alloys.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { CreateIngotDto, CreatePiecesDto, CreateRibbonDto } from './dto/create-sample.dto';
import { ListSamplesDto } from './dto/list-samples.dto';
import { ingotCode, pieceCode, ribbonCode } from './sample-code';
import { effectiveSteps, SampleView, toSampleView } from './sample-view';
import { SampleListRow, SampleWithAlloy, SamplesRepository } from './samples.repository';

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
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async createIngot(dto: CreateIngotDto, user: AuthUser): Promise<CreatedSample> {
    await this.alloys.get(dto.alloyId, 'alloyId');
    return this.withFreshCode(async (trx) => {
      const n = (await this.samples.countByKind(trx, 'INGOT')) + 1;
      const ingot = await this.samples.create(trx, {
        code: ingotCode(n),
        kind: 'INGOT',
        alloyId: dto.alloyId,
        massMg: dto.massG * 1000,
        notes: dto.notes,
        createdById: user.id,
      });
      const params = { massG: dto.massG, melts: dto.melts, ...(dto.purities ? { purities: dto.purities } : {}) };
      await this.samples.appendStep(trx, { sampleId: ingot.id, kind: 'ARC_MELT', params, performedAt: dto.performedAt, createdById: user.id });
      await this.audit.record(trx, user.id, 'sample.create', 'Sample', ingot.id, { code: ingot.code, kind: 'INGOT', ...params });
      return created(ingot);
    });
  }

  async createRibbon(ingotId: string, dto: CreateRibbonDto, user: AuthUser): Promise<CreatedSample> {
    const ingot = await this.parentOfKind(ingotId, 'INGOT');
    return this.withFreshCode(async (trx) => {
      const n = (await this.samples.countByKind(trx, 'RIBBON', ingot.id)) + 1;
      const ribbon = await this.samples.create(trx, {
        code: ribbonCode(ingot.code, n),
        kind: 'RIBBON',
        alloyId: ingot.alloyId,
        parentId: ingot.id,
        notes: dto.notes,
        createdById: user.id,
      });
      const { performedAt, notes: _notes, ...params } = dto;
      await this.samples.appendStep(trx, { sampleId: ribbon.id, kind: 'MELT_SPIN', params: { ...params }, performedAt, createdById: user.id });
      await this.audit.record(trx, user.id, 'sample.create', 'Sample', ribbon.id, { code: ribbon.code, kind: 'RIBBON', from: ingot.code, ...params });
      return created(ribbon);
    });
  }

  async createPieces(ribbonId: string, dto: CreatePiecesDto, user: AuthUser): Promise<CreatedSample[]> {
    const ribbon = await this.parentOfKind(ribbonId, 'RIBBON');
    return this.withFreshCode(async (trx) => {
      const first = (await this.samples.countByKind(trx, 'PIECE', ribbon.id)) + 1;
      const pieces: CreatedSample[] = [];
      for (let i = 0; i < dto.count; i++) {
        const piece = await this.samples.create(trx, {
          code: pieceCode(ribbon.code, first + i),
          kind: 'PIECE',
          alloyId: ribbon.alloyId,
          parentId: ribbon.id,
          massMg: dto.massMg,
          lengthMm: dto.lengthMm,
          notes: dto.notes,
          createdById: user.id,
          state: ribbon.state,
          signature: ribbon.signature,
        });
        await this.samples.appendStep(trx, {
          sampleId: piece.id,
          kind: 'CUT',
          params: { lengthMm: dto.lengthMm, massMg: dto.massMg, fromCode: ribbon.code },
          performedAt: dto.performedAt,
          createdById: user.id,
        });
        pieces.push(created(piece));
      }
      await this.audit.record(trx, user.id, 'sample.cut', 'Sample', ribbon.id, {
        count: dto.count,
        codes: pieces.map((p) => p.code),
        lengthMm: dto.lengthMm,
        massMg: dto.massMg,
      });
      return pieces;
    });
  }

  async get(id: string): Promise<SampleView> {
    const chain = await this.chainOrThrow(id);
    return toSampleView(chain, await this.samples.stepsOf(chain.map((s) => s.id)));
  }

  /** The ancestor chain (root first) and every descendant, for the lineage tree. */
  async lineage(id: string) {
    const chain = await this.chainOrThrow(id);
    const brief = ({ id, code, kind, parentId, state, signature }: SampleRow) => ({ id, code, kind, parentId, state, signature });
    const self = chain[chain.length - 1];
    return { sample: brief(self), ancestors: chain.slice(0, -1).map(brief), descendants: await this.samples.descendants(id) };
  }

  /**
   * Ordered timeline of the sample: every step that shaped it (inherited ones marked), its
   * measurements, and each analysis run of their files.
   */
  async history(id: string) {
    const chain = await this.chainOrThrow(id);
    const codeOf = new Map(chain.map((s) => [s.id, s.code]));
    const [allSteps, measurements] = await Promise.all([this.samples.stepsOf(chain.map((s) => s.id)), this.samples.measurementTimeline(id)]);
    const steps = effectiveSteps(chain, allSteps).map((s) => ({
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
      },
      ...m.runs.map((r) => ({
        type: 'ANALYSIS' as const,
        id: r.id,
        at: new Date(r.finishedAt ?? r.createdAt),
        measurementId: m.id,
        status: r.status,
        analyzer: r.analyzer,
        analyzerVersion: r.analyzerVersion,
        error: r.error,
      })),
    ]);
    // Stable sort: steps keep their sequence on equal timestamps, measurements precede their analyses.
    const events = [...steps, ...measured].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { sample: { id, code: chain[chain.length - 1].code }, events };
  }

  /** Codes are upper-case (I0001-R1-P03), so matching an upper-cased prefix makes the search case-insensitive. */
  async list(q: ListSamplesDto): Promise<Page<SampleListRow>> {
    return toPage(await this.samples.list({ ...q, codePrefix: q.codePrefix?.toUpperCase() }), q.limit);
  }

  /** Ids of the sample's own measurements, oldest first (404 for an unknown sample). */
  async measurementIds(id: string): Promise<string[]> {
    await this.chainOrThrow(id);
    const rows = await this.samples.measurementTimeline(id);
    return rows.sort((a, b) => new Date(a.performedAt).getTime() - new Date(b.performedAt).getTime()).map((m) => m.id);
  }

  async chainOrThrow(id: string, db?: Executor): Promise<SampleWithAlloy[]> {
    const chain = await this.samples.chain(id, db);
    if (chain.length === 0) throw notFound('sample', id);
    return chain;
  }

  private async parentOfKind(id: string, kind: SampleKind): Promise<SampleRow> {
    const chain = await this.chainOrThrow(id);
    const parent = chain[chain.length - 1];
    if (parent.kind !== kind) {
      throw new DomainError('INVALID_LINEAGE', `sample ${parent.code} is a ${parent.kind}; this step needs a ${kind}`, 'id');
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
