import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from '../../src/common/validation';
import { Env, loadEnv } from '../../src/config/env';
import multipart from '@fastify/multipart';
import { ApiModule } from './api.module';
import { createHttpAdapter } from './http-server';
import { guardQueueDashboard } from './queue-dashboard-guard';
import { applyGlobalPrefix, buildOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';

export interface ApiAppOptions {
  /** The built web app to serve at / (default dist/web); tests pass their own build. */
  webDir?: string;
}

/** Builds the configured (not yet listening) API application; used by main.ts and the e2e tests. */
export async function createApiApp(envOverrides: Partial<Record<keyof Env, string>> = {}, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(envOverrides),
    createHttpAdapter(loadEnv({ ...process.env, ...envOverrides })),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  const env = app.get(Env);
  await app.register(multipart as never, { limits: { fileSize: env.UPLOAD_LIMIT_BYTES, files: 1 } });
  guardQueueDashboard(app);
  applyGlobalPrefix(app);
  await serveWebApp(app, options.webDir);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
