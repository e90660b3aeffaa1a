import { Module } from '@nestjs/common';
import { QueueModule } from '../../infra/queue/queue.module';
import { AuditModule } from '../audit/audit.module';
import { AnalysesRepository } from './analyses.repository';
import { AnalysesService } from './analyses.service';
import { AnalysisPool } from './analysis-pool';
import { AnalysisRunner } from './analysis-runner.service';
import { AnalysisProducer } from './analysis.producer';
import { RunEventsPublisher } from './run-events';
import { TechniqueColumnsRepository } from './technique-columns.repository';

/** Shared by both processes; the API adds the SSE stream, the worker the processor and sweeper. */
@Module({
  imports: [QueueModule, AuditModule],
  providers: [AnalysesRepository, AnalysesService, AnalysisProducer, AnalysisPool, AnalysisRunner, RunEventsPublisher, TechniqueColumnsRepository],
  exports: [AnalysesRepository, AnalysesService, AnalysisProducer, AnalysisRunner, RunEventsPublisher, TechniqueColumnsRepository],
})
export class AnalysesModule {}
