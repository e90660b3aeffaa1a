import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SamplesModule } from '../samples/samples.module';
import { RetractionsRepository } from './retractions.repository';
import { RetractionsService } from './retractions.service';

@Module({ imports: [SamplesModule, AuditModule], providers: [RetractionsRepository, RetractionsService], exports: [RetractionsService] })
export class RetractionsModule {}
