import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env, loadEnv } from './env';

/** Provides the validated Env; tests pass overrides instead of mutating process.env. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Partial<Record<keyof Env, string>> = {}): DynamicModule {
    const env = loadEnv({ ...process.env, ...overrides });
    return { module: ConfigModule, providers: [{ provide: Env, useValue: env }], exports: [Env] };
  }
}
