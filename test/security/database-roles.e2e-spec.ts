import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { adminSql, PG_BASE_URL } from '../../scripts/pg-admin';
import { grantRuntimeRole } from '../../scripts/db-roles';
import { newAlloy, newLineage, anneal } from '../factories/sample.factory';
import { TestApi } from '../setup/test-api';
import { createTestDatabase } from '../setup/test-db';

/**
 * The processes connect as a runtime role that owns nothing (issue 12, finding 10): on a private
 * database and a uniquely named role (both dropped afterwards), the role the grant script makes
 * runs the real API, yet cannot disable a trigger, switch replication mode off the triggers, or
 * change or delete history.
 */
describe('database roles: the runtime role cannot rewrite history', () => {
  const role = `vitrack_app_t_${randomBytes(4).toString('hex')}`;
  let db: { name: string; url: string; drop: () => Promise<void> };
  let runtime: Client;
  let api: TestApi | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    const owner = new Client({ connectionString: db.url });
    await owner.connect();
    const { appendOnly } = await grantRuntimeRole(owner, role);
    expect(appendOnly).toEqual(expect.arrayContaining(['audit_log', 'process_steps']));
    // Idempotent: run again after a later migration, nothing fails.
    await grantRuntimeRole(owner, role);
    await owner.end();
    const u = new URL(db.url);
    u.username = role;
    runtime = new Client({ connectionString: u.toString() });
    await runtime.connect();
  });
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    await runtime?.end().catch(() => undefined);
    await db?.drop();
    await adminSql(`DROP ROLE IF EXISTS "${role}"`);
  });

  const refusal = async (statement: string) => {
    try {
      await runtime.query(statement);
      return 'accepted';
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };

  it('the API runs as that role: sign-in, samples, a treatment and the history all work', async () => {
    const u = new URL(db.url);
    u.username = role;
    api = await TestApi.start({ DATABASE_URL: u.toString() });
    const admin = await api.login();
    const alloy = await newAlloy(api, admin);
    const { pieces } = await newLineage(api, admin, alloy.id, 1);
    expect((await api.request('POST', `/api/samples/${pieces[0].id}/treatments`, { token: admin, body: anneal(453, 5) })).status).toBe(201);
    const history = await api.request('GET', `/api/samples/${pieces[0].id}/history`, { token: admin });
    expect(history.status).toBe(200);
    expect((await api.request('GET', '/api/audit', { token: admin })).body.length).toBeGreaterThan(0);
    expect((await runtime.query('SELECT count(*)::int AS n FROM process_steps')).rows[0].n).toBeGreaterThan(0);
  });

  it('owns nothing: no ALTER TABLE … DISABLE TRIGGER, no DROP, no new tables, no session_replication_role', async () => {
    expect(await refusal('ALTER TABLE process_steps DISABLE TRIGGER process_steps_append_only')).toBe('42501');
    expect(await refusal('ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
    expect(await refusal('DROP TRIGGER audit_log_append_only ON audit_log')).toBe('42501');
    expect(await refusal('SET session_replication_role = replica')).toBe('42501');
    expect(await refusal('CREATE TABLE evil (id int)')).toBe('42501');
    expect(await refusal('DROP TABLE users')).toBe('42501');
    const owned = await runtime.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`);
    expect(owned.rows[0].n).toBe(0);
    const me = (await runtime.query('SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user')).rows[0];
    expect(me).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
  });

  it('cannot UPDATE, DELETE or TRUNCATE history, by privilege before any trigger; may add to it', async () => {
    expect(await refusal(`UPDATE process_steps SET "performedAt" = now()`)).toBe('42501');
    expect(await refusal('DELETE FROM process_steps')).toBe('42501');
    expect(await refusal('TRUNCATE process_steps')).toBe('42501');
    expect(await refusal(`UPDATE audit_log SET action = 'nothing happened'`)).toBe('42501');
    expect(await refusal('DELETE FROM audit_log')).toBe('42501');
    expect(await refusal('TRUNCATE audit_log CASCADE')).toBe('42501');
    expect(await refusal('SELECT * FROM "_prisma_migrations"')).toBe('42501');
    expect(await refusal('SELECT count(*) FROM audit_log')).toBe('accepted');
  });

  it('the role is the one the connection says, and the base URL is the shared server', () => {
    expect(runtime.user).toBe(role);
    expect(db.url.startsWith(PG_BASE_URL)).toBe(true);
  });
});
