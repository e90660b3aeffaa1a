import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { withTimeout } from '../../common/with-timeout';
import { Database } from '../../infra/database/database';
import { REDIS } from '../../infra/redis/redis.module';
import { Public } from '../auth/auth.decorators';

const TIMEOUT_MS = 1500;

/** 200 when PostgreSQL (through the pool that serves requests) and Redis both answer, 503 (with which one failed) otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.probe('database', () => this.database.ping()), () => this.probe('redis', () => this.redis.ping())]);
  }

  private async probe(key: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(ping(), TIMEOUT_MS);
      return indicator.up();
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }
}
