import type { DynamicModule, Type } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { Env } from '../config/env';
import { TechniquesModule } from '../modules/techniques/techniques.module';
import type { TechniqueRegistrySource } from '../modules/techniques/technique-registry';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/**
 * What both processes stand on, listed once so the API and the worker cannot differ in it: the
 * validated environment, the technique registry (the built-in one unless `techniques` names
 * another), logging, the one database pool, Redis and the queue root.
 */
export function processFoundation(envOverrides: Partial<Record<keyof Env, string>>, techniques?: TechniqueRegistrySource): (DynamicModule | Type)[] {
  return [ConfigModule.forRoot(envOverrides), TechniquesModule.forRoot(techniques), LoggingModule, DatabaseModule, RedisModule, QueueModule];
}
