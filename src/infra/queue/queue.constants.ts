import type { JobsOptions } from 'bullmq';

/** Queue and job names in one place; payloads keyed by job name. */
export enum QueueName {
  Analysis = 'analysis',
}

export enum JobName {
  AnalyzeFile = 'analyze-file',
}

export interface JobPayloads {
  [JobName.AnalyzeFile]: { analysisRunId: string };
}

/**
 * Transient failures (database or Redis blips) retry with exponential backoff; malformed files
 * never throw, so they fail at once. Completed jobs are removed: the run row is the record.
 */
export const ANALYSIS_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/** Redis pub/sub channel (under the queue prefix) carrying run status changes to SSE clients. */
export const runEventsChannel = (prefix: string) => `${prefix}:run-events`;
