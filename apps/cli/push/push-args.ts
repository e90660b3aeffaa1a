/** vitrack-push's command line (the token comes from the environment, never from argv: argv is visible to every user of the PC). */

export interface PushOptions {
  dir: string;
  apiUrl: string;
  token: string;
  stateFile: string;
  /** A file is finished when its size and mtime have not changed for this long. */
  stableSeconds: number;
  /** How often the folder is listed. */
  scanSeconds: number;
  /** Measurement instrument name; default: the detected file format. */
  instrument?: string;
  /** Longest wait between retries while the API is unreachable. */
  maxBackoffSeconds: number;
}

export class UsageError extends Error {}

export const PUSH_USAGE = `vitrack-push --dir FOLDER [--api URL] [--state FILE] [--stable-seconds N] [--scan-seconds N] [--instrument NAME]

Watches FOLDER (and its subfolders) and uploads every finished instrument file to Vitrack once:
its technique, mode and sample come from POST /api/uploads/match (the sample code in the file
name or header); files matched with less than full confidence are logged and left for the web
app's bulk upload page. The API token is read from VITRACK_TOKEN (an upload-scoped API token).

  --api URL             the Vitrack server (default $VITRACK_API or http://127.0.0.1:3000)
  --state FILE          the ledger of uploaded files by SHA-256 (default FOLDER/.vitrack-push.json)
  --stable-seconds N    a file is finished when its size and mtime are unchanged for N s (default 10)
  --scan-seconds N      how often the folder is listed (default 2)
  --max-backoff-seconds N  longest wait between retries while the API is down (default 30)
  --instrument NAME     the measurements' instrument (default: the detected file format)`;

export function parsePushArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): PushOptions | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"\n${PUSH_USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    values.set(arg.slice(2), value);
    i++;
  }
  const known = ['dir', 'api', 'state', 'stable-seconds', 'scan-seconds', 'max-backoff-seconds', 'instrument'];
  for (const k of values.keys()) if (!known.includes(k)) throw new UsageError(`unknown option --${k}\n${PUSH_USAGE}`);
  const dir = values.get('dir');
  if (!dir) throw new UsageError(`--dir is required\n${PUSH_USAGE}`);
  const token = env.VITRACK_TOKEN;
  if (!token) throw new UsageError('set VITRACK_TOKEN to an API token (POST /api/auth/tokens)');
  const seconds = (key: string, fallback: number): number => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${key} must be a positive number of seconds, not "${raw}"`);
    return n;
  };
  const instrument = values.get('instrument');
  return {
    dir,
    apiUrl: (values.get('api') ?? env.VITRACK_API ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    token,
    stateFile: values.get('state') ?? `${dir.replace(/\/+$/, '')}/.vitrack-push.json`,
    stableSeconds: seconds('stable-seconds', 10),
    scanSeconds: seconds('scan-seconds', 2),
    maxBackoffSeconds: seconds('max-backoff-seconds', 30),
    ...(instrument !== undefined && { instrument }),
  };
}
