import { Module } from '@nestjs/common';
import { QueueModule } from '../../infra/queue/queue.module';
import { AnalysesModule } from '../analyses/analyses.module';
import { MetricsService } from './metrics.service';

@Module({ imports: [QueueModule, AnalysesModule], providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
