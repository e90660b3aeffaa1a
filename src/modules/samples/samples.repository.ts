import { Injectable } from '@nestjs/common';
import { Prisma, ProcessStep, Sample, SampleKind, SampleState, StepKind } from '@prisma/client';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';
import { ListSamplesDto } from './dto/list-samples.dto';

export type SampleWithAlloy = Sample & { alloy: { id: string; name: string; tgK: number; txK: number; densityGCm3: number } };

export interface NewStep {
  sampleId: string;
  kind: StepKind;
  params: Prisma.InputJsonObject;
  flags?: string[];
  overrideReason?: string;
  performedAt?: Date;
  createdById: string;
}

const ALLOY = { select: { id: true, name: true, tgK: true, txK: true, densityGCm3: true } } as const;

/** The only place that touches the samples and process_steps tables. */
@Injectable()
export class SamplesRepository {
  constructor(private readonly prisma: PrismaService) {}

  countByKind(db: Db, kind: SampleKind, parentId?: string): Promise<number> {
    return db.sample.count({ where: { kind, ...(parentId ? { parentId } : {}) } });
  }

  create(db: Db, data: Prisma.SampleUncheckedCreateInput): Promise<Sample> {
    return db.sample.create({ data });
  }

  /** Appends a step at the end of the sample's sequence; (sampleId, seq) is unique, so a concurrent append fails instead of interleaving. */
  async appendStep(db: Db, step: NewStep): Promise<ProcessStep> {
    const last = await db.processStep.findFirst({ where: { sampleId: step.sampleId }, orderBy: { seq: 'desc' }, select: { seq: true } });
    return db.processStep.create({
      data: { ...step, flags: step.flags ?? [], performedAt: step.performedAt ?? new Date(), seq: (last?.seq ?? 0) + 1 },
    });
  }

  setDerived(db: Db, id: string, state: SampleState, signature: string): Promise<unknown> {
    return db.sample.update({ where: { id }, data: { state, signature }, select: { id: true } });
  }

  /** The sample and its ancestors, root first (at most INGOT → RIBBON → PIECE). */
  async chain(id: string, db: Db = this.prisma): Promise<SampleWithAlloy[]> {
    const found = await db.sample.findUnique({ where: { id }, include: { alloy: ALLOY, parent: { include: { alloy: ALLOY, parent: { include: { alloy: ALLOY } } } } } });
    if (!found) return [];
    const chain: SampleWithAlloy[] = [];
    for (let s: (SampleWithAlloy & { parent?: unknown }) | null | undefined = found; s; s = s.parent as typeof s) {
      const { parent: _parent, ...sample } = s as SampleWithAlloy & { parent?: unknown };
      chain.unshift(sample as SampleWithAlloy);
    }
    return chain;
  }

  stepsOf(ids: string[], db: Db = this.prisma): Promise<ProcessStep[]> {
    return db.processStep.findMany({ where: { sampleId: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { seq: 'asc' }] });
  }

  descendants(id: string): Promise<Pick<Sample, 'id' | 'code' | 'kind' | 'parentId' | 'state' | 'signature'>[]> {
    const pick = { id: true, code: true, kind: true, parentId: true, state: true, signature: true } as const;
    return this.prisma.sample
      .findMany({ where: { OR: [{ parentId: id }, { parent: { parentId: id } }] }, select: pick, orderBy: { code: 'asc' } })
      .then((rows) => rows);
  }

  list(q: ListSamplesDto): Promise<Sample[]> {
    return this.prisma.sample.findMany({
      where: {
        kind: q.kind,
        state: q.state,
        alloyId: q.alloyId,
        code: q.codePrefix ? { startsWith: q.codePrefix } : undefined,
      },
      orderBy: { code: 'asc' },
      take: q.limit + 1,
      ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    });
  }
}
