/**
 * The stack most API specs start from, written once: the real API on its own database and queue
 * prefix, the worker process on the same when the spec analyses files, and a small lab in it (the
 * admin's token, a PI, a MEMBER and an alloy the PI created). Browser journeys have their own
 * (web-journey.ts: the built web app and Chromium too).
 */
import type { ApiAppOptions } from '../../apps/api/create-api-app';
import type { Env } from '../../src/config/env';
import { newAlloy } from '../factories/sample.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from './test-api';
import { uniquePrefix } from './test-db';
import { WorkerProcess } from './test-worker';

export type TestUser = Awaited<ReturnType<typeof newUser>>;

export interface TestLab {
  api: TestApi;
  /** Started only when the options name a worker environment. */
  worker: WorkerProcess | undefined;
  adminToken: string;
  pi: TestUser;
  member: TestUser;
  /** La75Al25 (sample.factory's LA75AL25, ρ 5.9 g/cm³) under a unique name. */
  alloy: { id: string; name: string };
  /** Stops the worker, then the API (dropping its database and queue keys). */
  close(): Promise<void>;
}

export interface TestLabOptions {
  /** The API's environment beyond its own database and queue prefix (e.g. UPLOAD_LIMIT_BYTES). */
  env?: Partial<Record<keyof Env, string>>;
  app?: ApiAppOptions;
  /** Starts the worker process with this environment on the API's database and queue prefix. */
  worker?: Record<string, string>;
  /** The worker's main module, relative to the repository (default apps/worker/main.ts; a test's own carries another registry). */
  workerEntry?: string;
}

/** A lab whose options named a worker environment. */
export type TestLabWithWorker = TestLab & { worker: WorkerProcess };

/** `label` names the queue prefix (vt-<label>-…), so a spec's keys are recognisable in Redis. */
export async function startTestLab(label: string, options: TestLabOptions & { worker: Record<string, string> }): Promise<TestLabWithWorker>;
export async function startTestLab(label: string, options?: TestLabOptions): Promise<TestLab>;
export async function startTestLab(label: string, options: TestLabOptions = {}): Promise<TestLab> {
  const prefix = uniquePrefix(label);
  const api = await TestApi.start({ QUEUE_PREFIX: prefix, ...options.env }, options.app);
  let worker: WorkerProcess | undefined;
  const close = async () => {
    await worker?.stop();
    await api.close();
  };
  try {
    if (options.worker)
      worker = await WorkerProcess.start({ DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix, ...options.worker }, undefined, options.workerEntry);
    const adminToken = await api.login();
    const pi = await newUser(api, adminToken, 'PI');
    const member = await newUser(api, adminToken, 'MEMBER');
    const alloy = (await newAlloy(api, pi.token)) as { id: string; name: string };
    return { api, worker, adminToken, pi, member, alloy, close };
  } catch (e) {
    await close();
    throw e;
  }
}
