import { once } from 'node:events';
import { createServer } from 'node:net';
import { Client } from 'pg';

/** Tooling shared by tests, benchmarks and the demo: the local PostgreSQL server and free ports. */
export const PG_BASE_URL = process.env.TEST_PG_URL ?? process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';

export const databaseUrl = (name: string) => `${PG_BASE_URL}/${name}`;

/** One statement on the maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
export async function adminSql(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${PG_BASE_URL}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A free TCP port on loopback, picked by the kernel. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
