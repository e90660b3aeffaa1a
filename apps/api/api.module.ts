import { DynamicModule, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { AllExceptionsFilter } from '../../src/common/all-exceptions.filter';
import { Env } from '../../src/config/env';
import { processFoundation } from '../../src/infra/process-foundation';
import { AlloysController } from '../../src/modules/alloys/alloys.controller';
import { AlloysModule } from '../../src/modules/alloys/alloys.module';
import { AuditController } from '../../src/modules/audit/audit.controller';
import { AuditModule } from '../../src/modules/audit/audit.module';
import { AuthController } from '../../src/modules/auth/auth.controller';
import { AuthGuard } from '../../src/modules/auth/auth.guard';
import { AdminSetupService } from '../../src/modules/auth/admin-setup.service';
import { AuthModule } from '../../src/modules/auth/auth.module';
import { HealthController } from '../../src/modules/health/health.controller';
import { HealthModule } from '../../src/modules/health/health.module';
import { SamplesController } from '../../src/modules/samples/samples.controller';
import { SamplesModule } from '../../src/modules/samples/samples.module';
import { TreatmentsController } from '../../src/modules/treatments/treatments.controller';
import { TreatmentsModule } from '../../src/modules/treatments/treatments.module';
import { UsersController } from '../../src/modules/users/users.controller';
import { UsersModule } from '../../src/modules/users/users.module';
import { BullBoardModule } from '@bull-board/nestjs';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { QueueName } from '../../src/infra/queue/queue.constants';
import { AnalysesController } from '../../src/modules/analyses/analyses.controller';
import { AnalysesModule } from '../../src/modules/analyses/analyses.module';
import { EventsController } from '../../src/modules/analyses/events.controller';
import { EventStreamQuota } from '../../src/modules/analyses/event-stream-quota';
import { RunEventsStream } from '../../src/modules/analyses/run-events.stream';
import { CampaignsController } from '../../src/modules/campaigns/campaigns.controller';
import { CampaignsModule } from '../../src/modules/campaigns/campaigns.module';
import { MeasurementsController } from '../../src/modules/measurements/measurements.controller';
import { MeasurementsModule } from '../../src/modules/measurements/measurements.module';
import { MetricsController } from '../../src/modules/metrics/metrics.controller';
import { MetricsModule } from '../../src/modules/metrics/metrics.module';
import { ReportsController } from '../../src/modules/reports/reports.controller';
import { ReportsModule } from '../../src/modules/reports/reports.module';
import { TechniquesController } from '../../src/modules/techniques/techniques.controller';
import type { TechniqueRegistrySource } from '../../src/modules/techniques/technique-registry';
import { UploadsController } from '../../src/modules/uploads/uploads.controller';
import { UploadsModule } from '../../src/modules/uploads/uploads.module';
import { RetractionsController } from '../../src/modules/retractions/retractions.controller';
import { RetractionsModule } from '../../src/modules/retractions/retractions.module';
import { SharedReportController, ShareLinksController } from '../../src/modules/reports/share-links.controller';
import { ProjectAccessModule } from '../../src/modules/projects/project-access.module';
import { ProjectsController } from '../../src/modules/projects/projects.controller';
import { ProjectsModule } from '../../src/modules/projects/projects.module';

@Module({})
class AdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly setup: AdminSetupService) {}
  onApplicationBootstrap() {
    return this.setup.ensureAdmin();
  }
}

/**
 * Stops taking requests and waits for the ones in flight before any module's onModuleDestroy
 * closes the database pool or Redis: Nest closes the HTTP server only after those hooks, which
 * failed uploads still arriving at shutdown with "Cannot use a pool after calling end". The root
 * module's hooks run first, so this provider closes the server before the pools go.
 */
/** How long shutdown waits for requests in flight before it closes their connections, ms. */
const DRAIN_MS = 10_000;

@Injectable()
class DrainHttpFirst implements OnModuleDestroy {
  constructor(private readonly host: HttpAdapterHost) {}
  async onModuleDestroy(): Promise<void> {
    const server = this.host.httpAdapter?.getHttpServer() as import('node:http').Server | undefined;
    if (!server?.listening) return;
    // Idle keep-alive connections would hold close() open; busy ones finish their request first,
    // for DRAIN_MS at most: an open event stream never finishes by itself.
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
}

/** The HTTP process: every controller, the global guard and the error filter. */
@Module({})
export class ApiModule {
  /** `techniques`: the registry module (default the built-in libs/analysis/src/techniques.ts). */
  static forRoot(envOverrides: Partial<Record<keyof Env, string>> = {}, techniques?: TechniqueRegistrySource): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...processFoundation(envOverrides, techniques),
        HealthModule,
        AuditModule,
        UsersModule,
        AuthModule,
        ProjectAccessModule,
        ProjectsModule,
        AlloysModule,
        SamplesModule,
        TreatmentsModule,
        AnalysesModule,
        MeasurementsModule,
        CampaignsModule,
        MetricsModule,
        ReportsModule,
        UploadsModule,
        RetractionsModule,
        // The queue dashboard; ADMIN-only through the onRequest hook in create-api-app.ts.
        BullBoardModule.forRoot({ route: '/admin/queues', adapter: BullBoardFastifyAdapter }),
        BullBoardModule.forFeature({ name: QueueName.Analysis, adapter: BullMQAdapter }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        AuthController,
        UsersController,
        ProjectsController,
        AlloysController,
        SamplesController,
        TreatmentsController,
        AuditController,
        MeasurementsController,
        AnalysesController,
        EventsController,
        CampaignsController,
        ReportsController,
        UploadsController,
        TechniquesController,
        RetractionsController,
        ShareLinksController,
        SharedReportController,
      ],
      providers: [
        DrainHttpFirst,
        AdminBootstrap,
        RunEventsStream,
        EventStreamQuota,
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
