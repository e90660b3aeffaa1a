/**
 * `vitrack-push --dir FOLDER`: the instrument PC's uploader (see push/push-args.ts for the options).
 * Runs until SIGINT/SIGTERM, finishing the file in hand; exit code 2 for a usage error, 3 when
 * the API refuses the token.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Ledger } from './push/ledger';
import { parsePushArgs, PUSH_USAGE, UsageError, type PushOptions } from './push/push-args';
import { AuthFailure, PushClient } from './push/push-client';
import { Pusher } from './push/pusher';

const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

async function main(): Promise<number> {
  let opts: PushOptions | 'help';
  try {
    opts = parsePushArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(`${PUSH_USAGE}\n`);
    return 0;
  }
  let stop = false;
  const wake = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stop = true;
      wake.abort();
    });
  const nap = (ms: number) => sleep(ms, undefined, { signal: wake.signal }).catch(() => undefined);
  const ledger = Ledger.open(opts.stateFile);
  const client = new PushClient(opts.apiUrl, opts.token, opts.maxBackoffSeconds * 1000, { log, sleep: nap, stopped: () => stop });
  const pusher = new Pusher(opts, ledger, client, log);
  log(`watching ${opts.dir} → ${opts.apiUrl} (finished after ${opts.stableSeconds} s unchanged); ${ledger.uploadedCount} files already uploaded`);
  while (!stop) {
    try {
      await pusher.scan(Date.now(), () => stop);
    } catch (e) {
      if (e instanceof AuthFailure) {
        log(e.message);
        return 3;
      }
      if (!stop) log(`scan failed: ${(e as Error).message}`);
    }
    await nap(opts.scanSeconds * 1000);
  }
  log('stopped');
  return 0;
}

void main().then((code) => (process.exitCode = code));
