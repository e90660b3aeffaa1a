import { Client } from 'pg';

export const PG_BASE_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run inside a test's own). */
export async function adminSql(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${PG_BASE_URL}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const databaseUrl = (name: string) => `${PG_BASE_URL}/${name}`;
