/**
 * Prisma CLI configuration: the JavaScript (WASM) schema engine over @prisma/adapter-pg, so no
 * native engine is ever downloaded (see README, "Why Prisma 6.19"). The adapter factory connects
 * from discrete fields and gives migrate dev a real shadow database: adapter-pg 6.19's own
 * connectToShadowDb reuses the main connection string and drops the database before closing.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { defineConfig } from 'prisma/config';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/vitrack';

function poolConfig(database?: string) {
  const url = new URL(process.env.DATABASE_URL ?? DEFAULT_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password) || undefined,
    database: database ?? url.pathname.slice(1),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ ...poolConfig('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function adapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(poolConfig());
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => {
      const name = `vitrack_shadow_${randomBytes(6).toString('hex')}`;
      await adminQuery(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg(poolConfig(name)).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return shadow;
    },
  };
}

process.env.DATABASE_URL ??= DEFAULT_URL;
// The schema has no Prisma client generator (the app queries through Kysely), and without one the
// CLI assumes the native query engine and downloads it at start-up; "client" is the engine-free
// query compiler, so nothing is downloaded.
process.env.PRISMA_CLIENT_ENGINE_TYPE ??= 'client';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => adapterFactory(),
});
