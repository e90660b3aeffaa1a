/**
 * What never reaches a log line: credentials in headers, in query strings (report links and
 * EventSource carry `?access_token=`, the queue dashboard `?token=`) and API tokens or bearer
 * values quoted in a message. pino serializers and hooks call these; tested by
 * test/security/secrets-in-logs.e2e-spec.ts on the real process.
 */
export const REDACTED = '[Redacted]';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const SECRET_QUERY_KEY = /token|password|passwd|secret|key|signature|sig|auth|session|code/i;
const SECRET_IN_TEXT = [/\bvt_[A-Za-z0-9_-]{8,}/g, /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi];

/** The URL with the value of every credential-like query parameter replaced. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  // A share link's path is its secret (src/modules/reports/share-links.service.ts).
  url = url.replace(/^(\/+api\/+shared\/+)[^/?#]+/i, `$1${REDACTED}`);
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // a malformed escape: judge the raw name
      }
      return eq >= 0 && SECRET_QUERY_KEY.test(name) ? `${key}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/** Headers with credentials replaced. */
export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : v]));
}

/** A message with API tokens and bearer/basic credentials replaced. */
export function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((t, re) => t.replace(re, (m) => (m.startsWith('vt_') ? `vt_${REDACTED}` : `${m.split(/\s/)[0]} ${REDACTED}`)), text);
}

/**
 * The request as logged: method, URL (redacted), id, address and headers (redacted). pino-http's
 * default also logs the parsed `query` and `params`, which is how `?access_token=` leaked.
 */
export function serializeRequest(req: {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}) {
  return {
    id: req.id,
    method: req.method,
    url: redactUrl(req.url),
    headers: redactHeaders(req.headers),
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

/** The response as logged: status and headers (redacted: a Set-Cookie carries a session). */
export function serializeResponse(res: { statusCode?: number; headers?: Record<string, unknown> }) {
  return { statusCode: res.statusCode, headers: redactHeaders(res.headers) };
}
