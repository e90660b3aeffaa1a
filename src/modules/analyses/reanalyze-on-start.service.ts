import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '../../config/env';
import { AnalysesService } from './analyses.service';

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
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.REANALYZE_ON_START !== 'true') return;
    void this.analyses.reanalyzeOutdated().then(
      (ids) => ids.length > 0 && this.logger.log(`queued ${ids.length} file(s) analysed by an older analyzer version`),
      (e: Error) => this.logger.warn(`could not queue files analysed by older analyzer versions: ${e.message}`),
    );
  }
}
