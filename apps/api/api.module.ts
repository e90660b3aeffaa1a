import { DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AllExceptionsFilter } from '../../src/common/all-exceptions.filter';
import { ConfigModule } from '../../src/config/config.module';
import { Env } from '../../src/config/env';
import { LoggingModule } from '../../src/infra/logging.module';
import { PrismaModule } from '../../src/infra/prisma/prisma.module';
import { RedisModule } from '../../src/infra/redis/redis.module';
import { AlloysController } from '../../src/modules/alloys/alloys.controller';
import { AlloysModule } from '../../src/modules/alloys/alloys.module';
import { AuditController } from '../../src/modules/audit/audit.controller';
import { AuditModule } from '../../src/modules/audit/audit.module';
import { AuthController } from '../../src/modules/auth/auth.controller';
import { AuthGuard } from '../../src/modules/auth/auth.guard';
import { AuthModule } from '../../src/modules/auth/auth.module';
import { HealthController } from '../../src/modules/health/health.controller';
import { HealthModule } from '../../src/modules/health/health.module';
import { SamplesController } from '../../src/modules/samples/samples.controller';
import { SamplesModule } from '../../src/modules/samples/samples.module';
import { TreatmentsController } from '../../src/modules/treatments/treatments.controller';
import { TreatmentsModule } from '../../src/modules/treatments/treatments.module';
import { UsersController } from '../../src/modules/users/users.controller';
import { UsersModule } from '../../src/modules/users/users.module';
import { UsersService } from '../../src/modules/users/users.service';

@Module({})
class AdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}
  onApplicationBootstrap() {
    return this.users.ensureAdmin();
  }
}

/** The HTTP process: every controller, the global guard and the error filter. */
@Module({})
export class ApiModule {
  static forRoot(envOverrides: Partial<Record<keyof Env, string>> = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(envOverrides), LoggingModule, PrismaModule, RedisModule, HealthModule, AuditModule, UsersModule, AuthModule, AlloysModule, SamplesModule, TreatmentsModule],
      controllers: [HealthController, AuthController, UsersController, AlloysController, SamplesController, TreatmentsController, AuditController],
      providers: [AdminBootstrap, { provide: APP_GUARD, useExisting: AuthGuard }, { provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
