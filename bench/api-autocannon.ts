/**
 * A typed door onto autocannon 8, which ships no typings (and @types/autocannon is not installed).
 * Only the part of its programmatic API the API benchmark uses is declared here.
 */

/** An hdr-histogram summary as autocannon reports it (requests per second, latency in ms, bytes per second). */
export interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}

/** The raw request autocannon serializes; `setupRequest` may rewrite it before every send. */
export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RequestSpec extends RawRequest {
  setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
}

export interface AutocannonOptions {
  url: string;
  title?: string;
  connections?: number;
  /** Seconds. */
  duration?: number;
  /** Seconds to wait for a response before counting a timeout. */
  timeout?: number;
  headers?: Record<string, string>;
  requests?: RequestSpec[];
}

export interface AutocannonResult {
  title?: string;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  requests: Histogram & { sent: number };
  latency: Histogram & { totalCount: number };
  throughput: Histogram;
}

type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package, typed above
export const autocannon: Autocannon = require('autocannon');
