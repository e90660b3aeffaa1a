/**
 * The API's OpenAPI document, built in one place for the served /docs-json and for the web app's
 * generated client (scripts/web-api-types.ts), so the two cannot drift apart.
 */
import 'reflect-metadata';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './api.module';

/** Every route lives under /api except these, which keep their well-known paths. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // Bull Board mounts itself under the global prefix unless its route is excluded.
      { path: 'admin/queues', method: RequestMethod.ALL },
    ],
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Vitrack API')
    .setDescription('Thermal-treatment campaigns on superconducting metallic glasses: samples, treatments, measurements, analyses, reports.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/**
 * The document without a database or Redis: Nest's preview mode scans the modules and controllers
 * but instantiates no provider, so nothing connects (used at build time).
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    applyGlobalPrefix(app);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
