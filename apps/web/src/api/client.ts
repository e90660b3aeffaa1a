/**
 * The typed API client: openapi-fetch over the types generated from the API's own OpenAPI
 * document (schema.gen.ts, written by scripts/web-api-types.ts), so a route, field or response the
 * app uses and the API no longer has is a compile error. Errors come back as ApiError with the
 * field the API named, for forms to show at that field.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { authHeaders, endSession } from './auth';
import type { components, paths } from './schema.gen';

export type Schemas = components['schemas'];

/** The API's error body: every 4xx names the field at fault. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  field?: string;
  fields?: { field: string; messages: string[] }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message || `request failed (${status})`);
    this.name = 'ApiError';
  }

  /** The message for one form field, e.g. `targetK` or `override.reason`; undefined if the API named another. */
  messageFor(field: string): string | undefined {
    const listed = this.body.fields?.find((f) => f.field === field);
    if (listed) return listed.messages.join('; ');
    if (this.body.field === field) return this.body.message.replace(new RegExp(`^${field.replace(/\./g, '\\.')}: `), '');
    return undefined;
  }
}

/** Routes whose 401 means a wrong password typed, not a session that ended. */
const PASSWORD_CHECKS = ['/api/auth/login', '/api/users/me/password'];

const auth: Middleware = {
  onRequest({ request }) {
    for (const [k, v] of Object.entries(authHeaders())) request.headers.set(k, v);
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token: back to the login page rather than a page of errors. (A wrong
    // password on signing in or on changing it is a 401 too, but of a request that stays signed in.)
    if (response.status === 401 && !PASSWORD_CHECKS.some((p) => response.url.endsWith(p))) endSession();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the body. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const body = (
      typeof error === 'object' && error !== null
        ? error
        : { statusCode: response.status, error: response.statusText, message: typeof error === 'string' ? error : response.statusText }
    ) as ErrorBody;
    throw new ApiError(response.status, body);
  }
  return data as T;
}

/** Signs out: the API revokes the session and clears its cookies; then the local session ends. */
export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } finally {
    endSession();
  }
}

/** Fetches a non-JSON resource (CSV) with the session's credentials. */
export async function fetchBlob(path: string): Promise<Blob> {
  const res = await fetch(path, { headers: authHeaders(), credentials: 'same-origin' });
  if (!res.ok)
    throw new ApiError(res.status, (await res.json().catch(() => ({ statusCode: res.status, error: res.statusText, message: res.statusText }))) as ErrorBody);
  return res.blob();
}
