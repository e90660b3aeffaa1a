import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from '../../src/common/validation';
import { Env } from '../../src/config/env';
import multipart from '@fastify/multipart';
import { ApiModule } from './api.module';
import { guardQueueDashboard } from './queue-dashboard-guard';

/** Builds the configured (not yet listening) API application; used by main.ts and the e2e tests. */
export async function createApiApp(envOverrides: Partial<Record<keyof Env, string>> = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(envOverrides), new FastifyAdapter({ logger: false }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const env = app.get(Env);
  await app.register(multipart as never, { limits: { fileSize: env.UPLOAD_LIMIT_BYTES, files: 1 } });
  guardQueueDashboard(app);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // Bull Board mounts itself under the global prefix unless its route is excluded.
      { path: 'admin/queues', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Vitrack API')
    .setDescription('Thermal-treatment campaigns on superconducting metallic glasses: samples, treatments, measurements, analyses, reports.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
