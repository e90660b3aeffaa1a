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
