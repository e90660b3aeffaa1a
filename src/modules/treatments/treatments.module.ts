import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SamplesModule } from '../samples/samples.module';
import { TreatmentsService } from './treatments.service';

@Module({ imports: [SamplesModule, AuditModule], providers: [TreatmentsService], exports: [TreatmentsService] })
export class TreatmentsModule {}
