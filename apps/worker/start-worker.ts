import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { TechniqueRegistrySource } from '../../src/modules/techniques/technique-registry';
import { WorkerModule } from './worker.module';

/**
 * A headless application context: BullMQ workers close cleanly on SIGTERM through shutdown hooks.
 * `techniques` names another registry module (a test's toy technique); the default is the built-in one.
 */
export async function startWorker(techniques?: TechniqueRegistrySource): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({}, techniques), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
