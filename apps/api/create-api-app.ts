import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { useContainer } from 'class-validator';
import { Logger } from 'nestjs-pino';
import { parseJsonBody } from '../../src/common/json-body';
import { createValidationPipe } from '../../src/common/validation';
import { Env, loadEnv } from '../../src/config/env';
import multipart from '@fastify/multipart';
import { ApiModule } from './api.module';
import { createHttpAdapter } from './http-server';
import { guardQueueDashboard } from './queue-dashboard-guard';
import { refuseRepeatedQueryParameters } from './repeated-query';
import { useSecurityHeaders } from './security-headers';
import { applyGlobalPrefix, buildOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';
import { RegisteredTechniqueConstraint } from '../../src/modules/techniques/is-registered-technique';
import type { TechniqueRegistrySource } from '../../src/modules/techniques/technique-registry';

/** JSON bodies through parseJsonBody: a malformed one is a 400 naming `body`, the problem and its position. */
function useJsonBodyParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}

/**
 * Validators that read providers (IsRegisteredTechnique reads TECHNIQUES) come from Nest's
 * container; class-validator makes every other class itself. A map, not `app.get` per lookup:
 * class-validator asks on every validation of every request.
 */
function useProviderValidators(app: NestFastifyApplication): void {
  const fromNest = new Map<unknown, unknown>([[RegisteredTechniqueConstraint, app.get(RegisteredTechniqueConstraint)]]);
  useContainer({ get: (someClass: unknown) => fromNest.get(someClass) }, { fallback: true });
}

export interface ApiAppOptions {
  /** The built web app to serve at / (default dist/web); tests pass their own build. */
  webDir?: string;
  /** The technique registry module (default the built-in one); tests add a toy technique this way. */
  techniques?: TechniqueRegistrySource;
}

/** Builds the configured (not yet listening) API application; used by main.ts and the e2e tests. */
export async function createApiApp(envOverrides: Partial<Record<keyof Env, string>> = {}, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(envOverrides, options.techniques),
    createHttpAdapter(loadEnv({ ...process.env, ...envOverrides })),
    {
      bufferLogs: true,
      // JSON bodies go through parseJsonBody (useJsonBodyParser) instead of Nest's parser.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  const env = app.get(Env);
  useSecurityHeaders(app);
  await app.register(multipart, { limits: { fileSize: env.UPLOAD_LIMIT_BYTES, files: 1 } });
  useJsonBodyParser(app);
  guardQueueDashboard(app);
  refuseRepeatedQueryParameters(app);
  applyGlobalPrefix(app);
  await serveWebApp(app, options.webDir);
  useProviderValidators(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
