import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../../common/domain-error';
import { Database, Executor } from '../../infra/database/database';
import { isUniqueViolation } from '../../infra/database/database-errors';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { assertVisible, canSee, isPiIn } from '../projects/project-access';
import { CREATING_STEP, toSampleView } from '../samples/sample-view';
import { SamplesRepository } from '../samples/samples.repository';
import { SamplesService } from '../samples/samples.service';
import { RetractionRecord, RetractionsRepository } from './retractions.repository';

const CREATING_KINDS = new Set<string>(Object.values(CREATING_STEP));

/**
 * Corrections without rewriting history: a wrong step, measurement or file link is retracted
 * (who, when, why) and logged anew. The retracted record stays in the history and the audit log,
 * marked; derived state, signature, totals, campaign matching, progress and reports leave it out.
 * Its author may retract it, a PI or ADMIN anyone's; once only.
 */
@Injectable()
export class RetractionsService {
  constructor(
    private readonly retractions: RetractionsRepository,
    private readonly samples: SamplesService,
    private readonly sampleRows: SamplesRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async retractStep(sampleId: string, stepId: string, reason: string, user: AuthUser) {
    return this.db.transaction(async (trx) => {
      const chain = await this.samples.chainOrThrow(sampleId, user, trx);
      const projectId = chain[0].projectId;
      const step = await this.retractions.step(trx, stepId);
      if (!step || step.sampleId !== sampleId) throw notFound(`step of sample ${chain[chain.length - 1].code}`, stepId, 'stepId');
      if (CREATING_KINDS.has(step.kind)) {
        throw new DomainError('NOT_RETRACTABLE', `the ${step.kind} step made this sample and cannot be retracted; only treatments can`, 'stepId');
      }
      this.mayRetract(user, step, `step ${stepId}`, projectId);
      const retraction = await this.insert(trx, { target: 'STEP', stepId, reason, retractedById: user.id }, `step ${stepId}`);
      await this.samples.refreshDerived(trx, chain);
      await this.audit.record(trx, user.id, 'step.retract', 'Sample', sampleId, { stepId, kind: step.kind, reason, retractionId: retraction.id }, projectId);
      const steps = await this.sampleRows.stepsOf(
        chain.map((s) => s.id),
        trx,
      );
      return { retraction, sample: toSampleView(chain, steps) };
    });
  }

  async retractMeasurement(measurementId: string, reason: string, user: AuthUser) {
    return this.db.transaction(async (trx) => {
      const m = await this.retractions.measurement(trx, measurementId);
      assertVisible(user, m?.projectId, 'measurement', measurementId);
      this.mayRetract(user, m, `measurement ${measurementId}`, m.projectId);
      const retraction = await this.insert(trx, { target: 'MEASUREMENT', measurementId, reason, retractedById: user.id }, `measurement ${measurementId}`);
      await this.audit.record(
        trx,
        user.id,
        'measurement.retract',
        'Measurement',
        measurementId,
        { sampleId: m.sampleId, reason, retractionId: retraction.id },
        m.projectId,
      );
      return { retraction };
    });
  }

  async retractFile(measurementId: string, fileId: string, reason: string, user: AuthUser) {
    return this.db.transaction(async (trx) => {
      const link = await this.retractions.fileLink(trx, measurementId, fileId);
      if (!link || !canSee(user, link.projectId)) throw notFound(`file of measurement ${measurementId}`, fileId, 'fileId');
      const what = `file ${link.fileName} of measurement ${measurementId}`;
      this.mayRetract(user, link, what, link.projectId);
      const retraction = await this.insert(trx, { target: 'FILE', fileMeasurementId: measurementId, fileId, reason, retractedById: user.id }, what);
      await this.audit.record(
        trx,
        user.id,
        'file.retract',
        'Measurement',
        measurementId,
        { fileId, fileName: link.fileName, reason, retractionId: retraction.id },
        link.projectId,
      );
      return { retraction };
    });
  }

  /** Its author, a PI of the record's project, or an ADMIN. */
  private mayRetract(user: AuthUser, target: { authorId: string; retracted: boolean }, what: string, projectId: string): void {
    if (target.authorId !== user.id && !isPiIn(user, projectId)) {
      throw new DomainError('NOT_YOURS', `${what} was logged by another user: only its author, a PI of its project or an ADMIN may retract it`, 'id');
    }
    if (target.retracted) throw new DomainError('ALREADY_RETRACTED', `${what} is already retracted`, 'id');
  }

  /** A concurrent retraction of the same record loses on the unique key: the same 409 as a second request. */
  private async insert(trx: Executor, row: Parameters<RetractionsRepository['insert']>[1], what: string): Promise<RetractionRecord> {
    try {
      return await this.retractions.insert(trx, row);
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('ALREADY_RETRACTED', `${what} is already retracted`, 'id');
      throw e;
    }
  }
}
