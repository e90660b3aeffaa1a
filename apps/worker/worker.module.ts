import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { once } from 'node:events';
import { Env } from '../../src/config/env';
import { processFoundation } from '../../src/infra/process-foundation';
import { REDIS } from '../../src/infra/redis/redis.module';
import { AnalysesModule } from '../../src/modules/analyses/analyses.module';
import { AnalysisProcessor } from '../../src/modules/analyses/analysis.processor';
import { ReanalyzeOnStart } from '../../src/modules/analyses/reanalyze-on-start.service';
import { RunSweeper } from '../../src/modules/analyses/run-sweeper.service';
import type { TechniqueRegistrySource } from '../../src/modules/techniques/technique-registry';

@Module({})
class WorkerReady implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status !== 'ready') await once(this.redis, 'ready');
    await this.redis.ping();
    this.logger.log(`worker connected to Redis (prefix ${this.env.QUEUE_PREFIX}, concurrency ${this.env.WORKER_CONCURRENCY})`);
  }
}

/**
 * The queue-worker process: no HTTP; the analysis processor, the sweeper that republishes lost
 * runs, and the start-up re-queue of files analysed by older analyzer versions.
 */
@Module({})
export class WorkerModule {
  /** `techniques`: the registry module (default the built-in libs/analysis/src/techniques.ts); its analysis threads load the same. */
  static forRoot(envOverrides: Partial<Record<keyof Env, string>> = {}, techniques?: TechniqueRegistrySource): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...processFoundation(envOverrides, techniques), AnalysesModule],
      providers: [WorkerReady, AnalysisProcessor, RunSweeper, ReanalyzeOnStart],
    };
  }
}
