import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Env } from '../../config/env';
import { Public } from '../auth/auth.decorators';
import { assertMetricsAccess } from './metrics-access';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly env: Env,
  ) {}

  /**
   * Prometheus text format: queue depth, runs by status, job durations. Outside the login guard
   * (a scraper has no session): METRICS_TOKEN decides who reads it (metrics-access.ts).
   */
  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  scrape(@Headers('authorization') authorization: string | undefined) {
    assertMetricsAccess(this.env, authorization);
    return this.metrics.scrape();
  }
}
