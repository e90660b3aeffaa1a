import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '../../config/env';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import { AnalysesService } from './analyses.service';
import { TechniqueColumnsRepository } from './technique-columns.repository';

/**
 * Results follow the analyzers: a worker that starts with a newer analyzer version queues every
 * file an older version analysed (REANALYZE_ON_START). Failing here must not stop the worker; the
 * next start, or POST /api/analyses/rerun, does it instead.
 */
@Injectable()
export class ReanalyzeOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReanalyzeOnStart.name);

  constructor(
    private readonly analyses: AnalysesService,
    private readonly env: Env,
    private readonly techniqueColumns: TechniqueColumnsRepository,
    @Inject(TECHNIQUES) private readonly registry: Techniques,
  ) {}

  onApplicationBootstrap(): void {
    // Techniques are text columns validated by the API; a value this worker's registry lacks (a newer
    // worker's technique during a rolling upgrade) means runs it will leave to another worker.
    void this.techniqueColumns.unregistered(this.registry.ids).then(
      (unknown) => unknown.length > 0 && this.logger.warn(`the database holds techniques this worker does not know: ${unknown.join(', ')}`),
      (e: Error) => this.logger.warn(`could not read the stored techniques: ${e.message}`),
    );
    if (this.env.REANALYZE_ON_START !== 'true') return;
    void this.analyses.reanalyzeOutdated().then(
      (ids) => ids.length > 0 && this.logger.log(`queued ${ids.length} file(s) analysed by an older analyzer version`),
      (e: Error) => this.logger.warn(`could not queue files analysed by older analyzer versions: ${e.message}`),
    );
  }
}
