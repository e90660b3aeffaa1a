import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { AnalyzeParams } from '../../../libs/analysis/src/techniques';
import { Env } from '../../config/env';
import { TECHNIQUE_SOURCE, type TechniqueRegistrySource } from '../techniques/technique-registry';
import type { AnalysisTask, AnalysisThreadData, ThreadResult } from './analysis.thread';

/** An analysis stopped by a limit: the run fails with this reason and code, and is not retried. */
export class AnalysisLimitError extends Error {
  constructor(
    readonly code: 'ANALYSIS_TIMEOUT' | 'ANALYSIS_OUT_OF_MEMORY',
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisLimitError';
  }
}

/** How long a task may wait for a thread beyond its own time limit before the wait counts as a failure, ms. */
const THREAD_START_GRACE_MS = 30_000;

/** The compiled thread entry in dist/, or the TypeScript source run through SWC (tests, `node -r @swc-node/register`). */
function threadEntry(): { filename: string; execArgv: string[] } {
  const js = join(__dirname, 'analysis.thread.js');
  if (existsSync(js)) return { filename: js, execArgv: [] };
  return { filename: join(__dirname, 'analysis.thread.ts'), execArgv: ['-r', '@swc-node/register'] };
}

/**
 * Runs every analysis in a worker thread (piscina), so a hostile or huge file cannot stop the
 * worker's event loop (BullMQ lock renewal, other jobs): each call is limited to
 * ANALYSIS_TIMEOUT_S of wall time and ANALYSIS_MAX_MEMORY_MB of V8 heap. A thread that hits a
 * limit is terminated and piscina starts a fresh one. Threads start on first use, so the API
 * process, which imports this module but never analyses, starts none.
 */
@Injectable()
export class AnalysisPool implements OnApplicationShutdown {
  private readonly logger = new Logger(AnalysisPool.name);
  private pool?: Piscina<AnalysisTask, ThreadResult>;

  constructor(
    private readonly env: Env,
    @Inject(TECHNIQUE_SOURCE) private readonly techniques: TechniqueRegistrySource,
  ) {}

  private threads(): Piscina<AnalysisTask, ThreadResult> {
    if (!this.pool) {
      const { filename, execArgv } = threadEntry();
      const mb = this.env.ANALYSIS_MAX_MEMORY_MB;
      this.pool = new Piscina<AnalysisTask, ThreadResult>({
        filename,
        execArgv,
        // A function cannot cross into a thread: the thread loads the process's registry from its module.
        workerData: { techniques: this.techniques } satisfies AnalysisThreadData,
        minThreads: this.env.WORKER_CONCURRENCY,
        maxThreads: this.env.WORKER_CONCURRENCY,
        // Queue beyond the threads rather than refusing: BullMQ's concurrency already bounds the callers.
        maxQueue: Infinity,
        idleTimeout: 60_000,
        resourceLimits: { maxOldGenerationSizeMb: mb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, Math.floor(mb / 8))) },
      });
      // A thread that dies while idle (e.g. out of memory while loading) is reported here; unheard, it would end the process.
      this.pool.on('error', (e: Error) => this.logger.error(`analysis thread failed while idle: ${e.message}`));
    }
    return this.pool;
  }

  /** The registry's analyzeFile(bytes, params) in a thread; throws AnalysisLimitError at a limit, anything else when a thread failed otherwise. */
  async analyze(bytes: Uint8Array, params: AnalyzeParams): Promise<ThreadResult> {
    const timeoutS = this.env.ANALYSIS_TIMEOUT_S;
    const stop = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    // The clock starts when the thread starts the analysis; aborting a running task terminates its thread.
    port1.once('message', () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop.abort('limit'), timeoutS * 1000);
    });
    // A safety net for a task no thread ever starts (threads failing as they load): a transient failure, retried later.
    timer = setTimeout(() => stop.abort('no thread'), timeoutS * 1000 + THREAD_START_GRACE_MS);
    try {
      return await this.threads().run({ bytes, params, started: port2 }, { signal: stop.signal, transferList: [port2] });
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string };
      if (err.name === 'AbortError' && stop.signal.reason === 'no thread')
        throw new Error(`no analysis thread started within ${THREAD_START_GRACE_MS / 1000} s`);
      if (err.name === 'AbortError') throw new AnalysisLimitError('ANALYSIS_TIMEOUT', `the analysis took longer than ${timeoutS} s and was stopped`);
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new AnalysisLimitError('ANALYSIS_OUT_OF_MEMORY', `the analysis needed more than ${this.env.ANALYSIS_MAX_MEMORY_MB} MB and was stopped`);
      }
      this.logger.warn(`analysis thread failed: ${err.message ?? String(e)}`);
      throw e;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** Lets running analyses finish, then stops the threads. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }
}
