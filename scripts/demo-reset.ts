/**
 * `npm run demo:reset`: deletes the demo's database (vitrack_demo) and its queue keys in Redis, so
 * the next `npm run demo` starts from nothing. Stop the demo first (Ctrl-C); nothing else is touched.
 */
import { Client } from 'pg';
import { demoDatabaseUrl, demoQueuePrefix } from './demo-env';
import { deleteKeysUnder } from './redis-admin';

async function main(): Promise<void> {
  const databaseUrl = demoDatabaseUrl();
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    // The name passed demoDatabaseUrl's vitrack_demo check, so it needs no further quoting than this.
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const prefix = demoQueuePrefix(databaseUrl);
  const keys = await deleteKeysUnder(prefix);
  console.log(`demo reset: dropped database ${name} and ${keys} Redis keys under ${prefix}:; npm run demo starts afresh`);
}

main().catch((e) => {
  console.error(`demo reset failed: ${(e as Error).message}`);
  process.exit(1);
});
