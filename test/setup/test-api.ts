import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiAppOptions, createApiApp } from '../../apps/api/create-api-app';
import { Env } from '../../src/config/env';
import { deleteKeysUnder } from '../../scripts/redis-admin';
import { productionHashCost } from './production-hash-cost';
import { createTestDatabase, uniquePrefix } from './test-db';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** The real API on its own database and queue prefix, driven in-process through Fastify's inject. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly databaseUrl: string,
    private readonly dropDb: () => Promise<void>,
    /** The Redis this API's queue lives on and its key prefix, emptied by close(). */
    private readonly queue: { url: string; prefix: string },
  ) {}

  /** On a database cloned from the template, unless `overrides.DATABASE_URL` names one (kept as it is). */
  static async start(overrides: Partial<Record<keyof Env, string>> = {}, options: ApiAppOptions = {}): Promise<TestApi> {
    const db = overrides.DATABASE_URL ? { url: overrides.DATABASE_URL, drop: async () => undefined } : await createTestDatabase();
    const env = {
      ...productionHashCost(overrides),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: uniquePrefix('e2e'),
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...overrides,
    };
    const app = await createApiApp(env, options);
    return new TestApi(app, db.url, db.drop, { url: env.REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: env.QUEUE_PREFIX });
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: { ...opts.headers, ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
    const text = res.body;
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (HTML docs page); keep the text
    }
    return { status: res.statusCode, body: body as T, headers: res.headers };
  }

  async login(email = ADMIN.email, password = ADMIN.password): Promise<string> {
    const res = await this.request('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** Stops the app, drops its database and deletes its queue's keys (a stopped private Redis has none left to delete). */
  async close(): Promise<void> {
    await this.app.close();
    await this.dropDb();
    await deleteKeysUnder(this.queue.prefix, this.queue.url).catch(() => undefined);
  }
}
