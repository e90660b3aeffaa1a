/**
 * What runs inside an analysis thread: the pure library call, bytes + parameters → result, with
 * errors flattened to plain data (structured cloning would drop ParseError's code). Loaded by
 * AnalysisPool through piscina; nothing here may touch the database or the queue.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import type { AnalysisOutput } from '../../../libs/analysis/src/technique/technique';
import type { AnalyzeParams } from '../../../libs/analysis/src/techniques';
import { loadTechniqueRegistry, type TechniqueRegistrySource } from '../techniques/technique-registry';

/** What AnalysisPool hands each thread when it starts. */
export interface AnalysisThreadData {
  /** The worker process's registry (TECHNIQUE_SOURCE), loaded here once per thread. */
  techniques: TechniqueRegistrySource;
}

const registry = loadTechniqueRegistry((workerData as AnalysisThreadData).techniques);

export interface AnalysisTask {
  bytes: Uint8Array;
  params: AnalyzeParams;
  /** Told when the analysis starts, so its time limit counts neither the queue nor a new thread's module loading. */
  started: MessagePort;
}

export type ThreadResult = { ok: true; value: AnalysisOutput } | { ok: false; error: { message: string; code?: string } };

export default function analyzeInThread({ bytes, params, started }: AnalysisTask): ThreadResult {
  started.postMessage('started');
  started.close();
  const result = registry.analyzeFile(bytes, params);
  if (result.ok) return result;
  return { ok: false, error: { message: result.error.message, code: (result.error as { code?: string }).code } };
}
