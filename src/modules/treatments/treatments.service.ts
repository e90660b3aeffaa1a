import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { isPiIn, roleIn } from '../projects/project-access';
import { checkPerformedAt } from '../../common/performed-at';
import { summarizeSteps } from '../samples/sample-summary';
import { effectiveSteps, toSampleView } from '../samples/sample-view';
import { SamplesRepository } from '../samples/samples.repository';
import { SamplesService } from '../samples/samples.service';
import { TreatmentDto } from './dto/treatment.dto';

@Injectable()
export class TreatmentsService {
  constructor(
    private readonly samples: SamplesRepository,
    private readonly sampleService: SamplesService,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /**
   * Appends a treatment step after the physical guardrails: treatments apply to ribbons and
   * pieces (an ingot is crystalline metal); performedAt lies between the step that created the
   * sample and five minutes from now; an anneal at or above the alloy's Tx is a crystallization
   * (record CRYSTALLIZE); between Tg and Tx it needs a PI's or ADMIN's override with a reason, and
   * is flagged TG_OVERRIDE; treating a crystallized sample is allowed but flagged. A step dated
   * before existing ones is allowed (labs log after the fact): derived state follows performedAt.
   */
  async apply(sampleId: string, dto: TreatmentDto, user: AuthUser) {
    if (dto.kind === 'CRYO_CYCLE' && dto.lowK >= dto.highK) throw fieldError('lowK', `must lie below highK (${dto.highK} K)`);
    return this.db.transaction(async (trx) => {
      const chain = await this.sampleService.chainOrThrow(sampleId, user, trx);
      const self = chain[chain.length - 1];
      if (self.kind === 'INGOT') {
        throw new DomainError(
          'TREATMENT_ON_INGOT',
          `treatments apply to ribbons and pieces; this is an INGOT (${self.code}): the glass and its history begin at MELT_SPIN`,
          'id',
        );
      }
      const steps = await this.samples.stepsOf(
        chain.map((s) => s.id),
        trx,
      );
      const performedAt = checkPerformedAt(dto.performedAt, this.sampleService.creationBound(self, steps));
      const { tgK, txK, name: alloy } = self.alloy;
      const flags: string[] = [];
      const warnings: string[] = [];
      const { performedAt: _at, override, ...params } = dto as TreatmentDto & { override?: { reason: string } };
      let overrideReason: string | undefined;
      if (dto.kind === 'ANNEAL' && dto.targetK >= txK) {
        throw new DomainError(
          'ANNEAL_AT_OR_ABOVE_TX',
          `an anneal at ${dto.targetK} K is at or above the Tx of ${alloy} (${txK} K): that crystallizes the glass: record CRYSTALLIZE`,
          'targetK',
        );
      }
      if (dto.kind === 'ANNEAL' && dto.targetK >= tgK) {
        if (!override) {
          throw new DomainError(
            'ANNEAL_AT_OR_ABOVE_TG',
            `an anneal at ${dto.targetK} K is at or above the Tg of ${alloy} (${tgK} K), in the supercooled liquid below Tx (${txK} K): it needs a PI's or ADMIN's override with a reason (override.reason)`,
            'targetK',
          );
        }
        // The PI role that counts is the one in this sample's project, not a PI role elsewhere.
        if (!isPiIn(user, self.projectId)) {
          throw new DomainError(
            'OVERRIDE_NEEDS_PI',
            `an anneal between Tg (${tgK} K) and Tx (${txK} K) of ${alloy} needs a PI's or ADMIN's override (a PI of this sample's project); you are ${roleIn(user, self.projectId)} there`,
            'override',
          );
        }
        overrideReason = override.reason;
        flags.push('TG_OVERRIDE');
        warnings.push(`anneal at ${dto.targetK} K ≥ Tg ${tgK} K, overridden by ${user.email}: ${override.reason}`);
      } else if (override) {
        warnings.push('override ignored: only an anneal between Tg and Tx needs one');
      }
      if (dto.kind === 'CRYSTALLIZE' && dto.targetK < txK)
        warnings.push(`crystallization at ${dto.targetK} K is below Tx (${txK} K); the sample may stay partly amorphous`);
      // Crystallized by the steps performed before this one (physical order, retracted ones left out).
      const priorSteps = effectiveSteps(chain, steps).filter((s) => s.performedAt <= performedAt);
      if (summarizeSteps(priorSteps).state === 'CRYSTALLIZED') {
        flags.push('ON_CRYSTALLIZED_PIECE');
        warnings.push(`${self.code} is already crystallized; this ${dto.kind} will not act on a glass`);
      }
      const step = await this.samples.appendStep(trx, {
        sampleId,
        kind: dto.kind,
        params,
        flags,
        overrideReason,
        performedAt,
        createdById: user.id,
      });
      if (steps.some((s) => s.sampleId === sampleId && s.performedAt > performedAt))
        warnings.push('dated before steps already logged: history and state follow performedAt');
      // The new step is known here; no need to read the history back for the response.
      const sample = toSampleView(chain, [...steps, step]);
      await this.sampleService.refreshDerived(trx, chain);
      await this.audit.record(
        trx,
        user.id,
        `treatment.${dto.kind.toLowerCase()}`,
        'Sample',
        sampleId,
        { stepId: step.id, ...params, performedAt, flags, overrideReason },
        self.projectId,
      );
      return {
        step: { id: step.id, seq: step.seq, kind: step.kind, params: step.params, flags, overrideReason: step.overrideReason, performedAt: step.performedAt },
        sample,
        warnings,
      };
    });
  }
}
