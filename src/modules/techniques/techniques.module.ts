import { DynamicModule, Global, Module } from '@nestjs/common';
import { RegisteredTechniqueConstraint } from './is-registered-technique';
import { BUILT_IN_TECHNIQUES, loadTechniqueRegistry, TECHNIQUE_SOURCE, TECHNIQUES, type TechniqueRegistrySource } from './technique-registry';

/**
 * Provides TECHNIQUES (the registry) and TECHNIQUE_SOURCE (where it was loaded from) to every
 * module of the process. Both processes import it once, with the built-in registry unless told
 * otherwise (ApiModule.forRoot / WorkerModule.forRoot options).
 */
@Global()
@Module({})
export class TechniquesModule {
  static forRoot(source: TechniqueRegistrySource = BUILT_IN_TECHNIQUES): DynamicModule {
    return {
      module: TechniquesModule,
      providers: [
        { provide: TECHNIQUE_SOURCE, useValue: source },
        { provide: TECHNIQUES, useValue: loadTechniqueRegistry(source) },
        RegisteredTechniqueConstraint,
      ],
      exports: [TECHNIQUE_SOURCE, TECHNIQUES, RegisteredTechniqueConstraint],
    };
  }
}
