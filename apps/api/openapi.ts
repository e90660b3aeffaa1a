/**
 * The API's OpenAPI document, built in one place for the served /docs-json and for the web app's
 * generated client (scripts/web-api-types.ts), so the two cannot drift apart.
 */
import 'reflect-metadata';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { TECHNIQUES, type TechniqueRegistrySource, type Techniques } from '../../src/modules/techniques/technique-registry';
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
  return withRegisteredTechniques(SwaggerModule.createDocument(app, doc), app.get<Techniques>(TECHNIQUES));
}

/**
 * The `Technique` enum lists the ids of the registry the process loaded. The DTOs' decorators run at
 * import time and can only name the built-in registry's, while a process may load another
 * (TechniquesModule.forRoot, e.g. with the toy technique), so the schema they share by name
 * (`enumName: 'Technique'`) is set here from the registry itself.
 */
function withRegisteredTechniques(document: OpenAPIObject, techniques: Techniques): OpenAPIObject {
  const schema = document.components?.schemas?.Technique;
  if (!schema || '$ref' in schema) throw new Error("the OpenAPI document has no Technique schema (DTOs name it with enumName: 'Technique')");
  schema.enum = [...techniques.ids];
  return document;
}

/**
 * The document without a database or Redis: Nest's preview mode scans the modules and controllers
 * but instantiates no provider, so nothing connects (used at build time). `techniques`: the registry
 * module, as for ApiModule.forRoot (default the built-in one).
 */
export async function openApiDocumentOffline(techniques?: TechniqueRegistrySource): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot({}, techniques), new FastifyAdapter(), {
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
