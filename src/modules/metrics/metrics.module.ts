import { Module } from '@nestjs/common';
import { QueueModule } from '../../infra/queue/queue.module';
import { MetricsService } from './metrics.service';

@Module({ imports: [QueueModule], providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
