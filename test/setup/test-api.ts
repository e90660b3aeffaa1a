import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/create-api-app';
import { Env } from '../../src/config/env';
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
  ) {}

  static async start(overrides: Partial<Record<keyof Env, string>> = {}): Promise<TestApi> {
    const db = await createTestDatabase();
    const app = await createApiApp({
      DATABASE_URL: db.url,
      QUEUE_PREFIX: uniquePrefix('e2e'),
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...overrides,
    });
    return new TestApi(app, db.url, db.drop);
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, opts: { token?: string; body?: unknown } = {}): Promise<ApiResponse<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
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

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDb();
  }
}
