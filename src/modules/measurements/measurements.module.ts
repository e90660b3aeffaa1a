import { Module } from '@nestjs/common';
import { AnalysesModule } from '../analyses/analyses.module';
import { AuditModule } from '../audit/audit.module';
import { SamplesModule } from '../samples/samples.module';
import { CrossTechniqueService } from './cross-technique.service';
import { MeasurementsRepository } from './measurements.repository';
import { MeasurementsService } from './measurements.service';

@Module({
  imports: [AnalysesModule, SamplesModule, AuditModule],
  providers: [MeasurementsRepository, MeasurementsService, CrossTechniqueService],
  exports: [MeasurementsService, CrossTechniqueService],
})
export class MeasurementsModule {}
