import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describeDatabaseError } from '../infra/database/database-errors';
import { DomainError, DomainErrorCode } from './domain-error';

/** What the filter uses of Fastify's reply. */
interface Reply {
  header(name: string, value: string): Reply;
  status(code: number): Reply;
  send(body: unknown): unknown;
}

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  field?: string;
  [extra: string]: unknown;
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'APPEND_ONLY':
    case 'ALREADY_RETRACTED':
    case 'RETRACTED':
      return 409;
    case 'INVALID_LINEAGE':
    case 'ANNEAL_AT_OR_ABOVE_TG':
    case 'ASSIGNMENT_MISMATCH':
    case 'ANNEAL_AT_OR_ABOVE_TX':
    case 'TREATMENT_ON_INGOT':
    case 'PERFORMED_AT_OUT_OF_RANGE':
    case 'NOT_RETRACTABLE':
    case 'PROJECT_REQUIRED':
    case 'OTHER_PROJECT':
      return 422;
    case 'OVERRIDE_NEEDS_PI':
    case 'NOT_YOURS':
      return 403;
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'RATE_LIMITED':
      return 429;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(x: never): never {
  throw new Error(`unhandled domain error code ${String(x)}`);
}

/** One place that turns every error into a consistent JSON body; 500s carry a logged errorId only. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    const { retryAfterS, ...body } = this.toBody(exception);
    if (retryAfterS !== undefined) reply.header('Retry-After', String(retryAfterS));
    // A route's @Header('content-type', 'text/html') is already set when its handler throws; the error body is JSON.
    reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody & { retryAfterS?: number } {
    if (exception instanceof DomainError) {
      const statusCode = statusOf(exception.code);
      // A rate-limit refusal (TooManyAttempts) says when to come back.
      const retryAfterS = (exception as { retryAfterS?: unknown }).retryAfterS;
      return {
        statusCode,
        error: REASON[statusCode],
        code: exception.code,
        message: exception.message,
        field: exception.field,
        ...(typeof retryAfterS === 'number' ? { retryAfterS } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const base = typeof res === 'string' ? { message: res } : (res as Record<string, unknown>);
      const message = Array.isArray(base.message) ? base.message.join('; ') : String((base.message as string | undefined) ?? exception.message);
      return { ...base, statusCode, error: REASON[statusCode] ?? String((base.error as string | undefined) ?? 'Error'), message };
    }
    const db = describeDatabaseError(exception);
    if (db) {
      const { statusCode, code, message, field, retryAfterS } = db;
      return { statusCode, error: REASON[statusCode], code, message, ...(field ? { field } : {}), ...(retryAfterS ? { retryAfterS } : {}) };
    }
    if (isFastifyClientError(exception)) {
      const statusCode = exception.statusCode;
      return { statusCode, error: REASON[statusCode] ?? 'Error', message: exception.message };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'unhandled error');
    return { statusCode: 500, error: REASON[500], message: `internal error ${errorId}; see the server log`, errorId };
  }
}

/** Fastify's own 4xx errors (body too large, bad JSON, bad content type). */
function isFastifyClientError(e: unknown): e is Error & { statusCode: number } {
  const code = (e as { statusCode?: unknown })?.statusCode;
  return e instanceof Error && typeof code === 'number' && code >= 400 && code < 500;
}
