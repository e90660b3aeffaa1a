/**
 * What never reaches a log line: credentials in headers, in query strings (`?access_token=`,
 * `?token=`, which no route accepts but clients still send), share-link secrets however spelled,
 * and API tokens, bearer values or share links quoted in a message or another header. pino serializers and hooks call these; tested by
 * test/security/secrets-in-logs.e2e-spec.ts on the real process.
 */
export const REDACTED = '[Redacted]';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const SECRET_QUERY_KEY = /token|password|passwd|secret|key|signature|sig|auth|session|code/i;
const SECRET_IN_TEXT = [/\bvt_[A-Za-z0-9_-]{8,}/g, /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi];

/** A share link's token, `<uuid>.<base64url HMAC-SHA256>` (src/modules/reports/share-links.service.ts): the HMAC is the secret. */
const SHARE_TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.|%2e)[A-Za-z0-9_-]{43}/gi;
/** `…/shared/<secret>` as it appears in text (a message, a Referer). */
const SHARED_SEGMENT = /(\/shared\/+)[^/?#\s"'&]+/gi;

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const ONE_SHARE_TOKEN = new RegExp(SHARE_TOKEN.source, 'i');
const holdsShareToken = (s: string): boolean => ONE_SHARE_TOKEN.test(s) || ONE_SHARE_TOKEN.test(decoded(s));

/**
 * Whether redactSharePath has anything to look at. pino-http serializes every request when it
 * makes the request's logger, whether or not a line is then written, so this runs on every
 * request for its URL and each header value. With no `%` and nothing outside ASCII, a segment is
 * its own decoded form: it can only read `shared` if the text holds those letters, and it holds a
 * share token only if the whole text does (the token's characters exclude `/`).
 */
const mayHoldSharePath = (s: string): boolean => /%|shared|[^\x00-\x7f]/i.test(s) || ONE_SHARE_TOKEN.test(s);

/**
 * A path with the share-link secret replaced, however the client spelled it: the segment after
 * any segment that reads `shared` (percent-encoded, any case, `;params`, doubled slashes, dot
 * segments: the router decodes before matching, so the log must judge the decoded form), and any
 * segment that holds a share token once decoded.
 */
function redactSharePath(path: string): string {
  if (!mayHoldSharePath(path)) return path;
  const segments = path.split('/');
  let afterShared = false;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === '') continue;
    const name = decoded(segments[i]).split(';')[0].toLowerCase();
    if (afterShared || holdsShareToken(segments[i])) segments[i] = REDACTED;
    afterShared = name === 'shared';
  }
  return segments.join('/');
}

/**
 * The URL with every credential-like query parameter replaced, and any share-link secret (in the
 * path, or in a query value such as `?next=/api/shared/…`) replaced.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const q = url.indexOf('?');
  const path = redactSharePath(q < 0 ? url : url.slice(0, q));
  if (q < 0) return path;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const name = decoded(key);
      if (eq < 0) return pair;
      const value = decoded(pair.slice(eq + 1).replace(/\+/g, ' '));
      const secret = SECRET_QUERY_KEY.test(name) || holdsShareToken(value) || redactSharePath(value) !== value;
      return secret ? `${key}=${REDACTED}` : pair;
    });
  return `${path}?${params.join('&')}`;
}

/** Headers with credentials replaced, and a share link's secret in any other header (a Referer from the shared page). */
export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : typeof v === 'string' ? redactText(redactUrl(v)!) : v]),
  );
}

/** A message with API tokens, bearer/basic credentials and share-link secrets replaced. */
export function redactText(text: string): string {
  // Every pattern below needs one of these (a `vt_` token, a Bearer/Basic credential, a share token's uuid, `/shared/`).
  if (!/vt_|bearer|basic|shared|[0-9a-f]{8}-/i.test(text)) return text;
  const quoted = SECRET_IN_TEXT.reduce((t, re) => t.replace(re, (m) => (m.startsWith('vt_') ? `vt_${REDACTED}` : `${m.split(/\s/)[0]} ${REDACTED}`)), text);
  return quoted.replace(SHARE_TOKEN, REDACTED).replace(SHARED_SEGMENT, `$1${REDACTED}`);
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
