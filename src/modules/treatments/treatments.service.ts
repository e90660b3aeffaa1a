import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
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
   * Appends a treatment step after the physical guardrails: an anneal at or above the alloy's Tg
   * is refused unless overridden with a reason; treating a crystallized sample is allowed but flagged.
   */
  async apply(sampleId: string, dto: TreatmentDto, user: AuthUser) {
    if (dto.kind === 'CRYO_CYCLE' && dto.lowK >= dto.highK) throw fieldError('lowK', `must lie below highK (${dto.highK} K)`);
    return this.db.transaction(async (trx) => {
      const chain = await this.sampleService.chainOrThrow(sampleId, trx);
      const self = chain[chain.length - 1];
      const steps = await this.samples.stepsOf(
        chain.map((s) => s.id),
        trx,
      );
      const before = summarizeSteps(effectiveSteps(chain, steps));
      const { tgK, txK } = self.alloy;
      const flags: string[] = [];
      const warnings: string[] = [];
      if (dto.kind === 'ANNEAL' && dto.targetK >= tgK) {
        if (!dto.override) {
          throw new DomainError(
            'ANNEAL_AT_OR_ABOVE_TG',
            `an anneal at ${dto.targetK} K is at or above the Tg of ${self.alloy.name} (${tgK} K) and would leave the glass state; record it as CRYSTALLIZE, or give override.reason`,
            'targetK',
          );
        }
        flags.push('TG_OVERRIDE');
        warnings.push(`anneal at ${dto.targetK} K ≥ Tg ${tgK} K, overridden: ${dto.override.reason}`);
      }
      if (dto.kind === 'CRYSTALLIZE' && dto.targetK < txK)
        warnings.push(`crystallization at ${dto.targetK} K is below Tx (${txK} K); the sample may stay partly amorphous`);
      if (before.state === 'CRYSTALLIZED') {
        flags.push('ON_CRYSTALLIZED_PIECE');
        warnings.push(`${self.code} is already crystallized; this ${dto.kind} will not act on a glass`);
      }
      const { performedAt, override, ...params } = dto as TreatmentDto & { override?: { reason: string } };
      const step = await this.samples.appendStep(trx, {
        sampleId,
        kind: dto.kind,
        params,
        flags,
        overrideReason: override?.reason,
        performedAt,
        createdById: user.id,
      });
      // The new step is known here; no need to read the history back.
      const sample = toSampleView(chain, [...steps, step]);
      await this.samples.setDerived(trx, sampleId, sample.state, sample.signature);
      await this.audit.record(trx, user.id, `treatment.${dto.kind.toLowerCase()}`, 'Sample', sampleId, {
        stepId: step.id,
        ...params,
        flags,
        overrideReason: override?.reason,
      });
      return {
        step: { id: step.id, seq: step.seq, kind: step.kind, params: step.params, flags, overrideReason: step.overrideReason, performedAt: step.performedAt },
        sample,
        warnings,
      };
    });
  }
}
