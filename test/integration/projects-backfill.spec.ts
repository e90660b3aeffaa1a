import { LegacyRows } from '../setup/legacy-rows';
import { StepwiseDatabase } from '../setup/migrations';

const MIGRATION = '20261202025310_projects';

/**
 * The projects migration on a database that already holds work (issue 12, item 7): every user
 * joins one "Default" project (PI and ADMIN as PI, MEMBER as MEMBER), every sample and campaign
 * moves into it, the audit rows of records get its id while global ones (users) stay without, and
 * the audit log is append-only again afterwards.
 */
describe(`migration ${MIGRATION}: one Default project holding everything`, () => {
  const t0 = new Date('2026-01-05T10:00:00Z');

  it('puts every existing user, sample, campaign and record audit row into the Default project', async () => {
    const db = await StepwiseDatabase.create();
    try {
      await db.upTo(MIGRATION);
      const rows = new LegacyRows(db.client);
      const pi = await rows.user();
      const member = await rows.user();
      const admin = await rows.user();
      await db.client.query(`UPDATE users SET role = 'MEMBER' WHERE id = $1`, [member]);
      await db.client.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [admin]);
      const alloyId = await rows.alloy('La75Al25');
      const ingot = await rows.sample({ code: 'I0001', kind: 'INGOT', alloyId, state: 'AS_CAST', createdById: member, createdAt: t0 });
      const ribbon = await rows.sample({ code: 'I0001-R1', kind: 'RIBBON', alloyId, parentId: ingot, createdById: member, createdAt: t0 });
      await rows.sample({ code: 'I0001-R1-P1', kind: 'PIECE', alloyId, parentId: ribbon, createdById: member, createdAt: t0 });
      const campaign = await rows.campaign('anneal', pi);
      await db.client.query(`INSERT INTO audit_log ("actorId", action, "entityType", "entityId") VALUES ($1, 'sample.create', 'Sample', $2)`, [member, ingot]);
      await db.client.query(`INSERT INTO audit_log ("actorId", action, "entityType", "entityId") VALUES ($1, 'campaign.create', 'Campaign', $2)`, [
        pi,
        campaign,
      ]);
      await db.client.query(`INSERT INTO audit_log ("actorId", action, "entityType", "entityId") VALUES ($1, 'user.create', 'User', $2)`, [admin, pi]);

      await db.apply(MIGRATION);

      const projects = (await db.client.query<{ id: string; name: string }>('SELECT id, name FROM projects')).rows;
      expect(projects.map((p) => p.name)).toEqual(['Default']);
      const def = projects[0].id;
      const members = (await db.client.query<{ userId: string; role: string; projectId: string }>('SELECT "userId", role, "projectId" FROM project_members'))
        .rows;
      expect(new Map(members.map((m) => [m.userId, m.role]))).toEqual(
        new Map([
          [pi, 'PI'],
          [member, 'MEMBER'],
          [admin, 'PI'],
        ]),
      );
      expect(new Set(members.map((m) => m.projectId))).toEqual(new Set([def]));
      expect((await db.client.query('SELECT count(*)::int AS n, min("projectId"::text) AS p, max("projectId"::text) AS q FROM samples')).rows).toEqual([
        { n: 3, p: def, q: def },
      ]);
      expect((await db.client.query('SELECT "projectId" FROM campaigns')).rows).toEqual([{ projectId: def }]);
      const audit = (await db.client.query<{ action: string; projectId: string | null }>('SELECT action, "projectId" FROM audit_log ORDER BY id')).rows;
      expect(audit).toEqual([
        { action: 'sample.create', projectId: def },
        { action: 'campaign.create', projectId: def },
        { action: 'user.create', projectId: null },
      ]);
      // The append-only trigger is on again, and a sample can no longer be stored without a project.
      await expect(db.client.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(rows.sample({ code: 'I0002', kind: 'INGOT', alloyId, createdById: member, createdAt: t0 })).rejects.toThrow(/projectId/);
      await db.rest();
    } finally {
      await db.drop();
    }
  });

  it('makes the Default project on an empty database too, so a lab with one group never names one', async () => {
    const db = await StepwiseDatabase.create();
    try {
      await db.rest();
      expect((await db.client.query('SELECT name FROM projects')).rows).toEqual([{ name: 'Default' }]);
      expect((await db.client.query('SELECT count(*)::int AS n FROM project_members')).rows).toEqual([{ n: 0 }]);
    } finally {
      await db.drop();
    }
  });
});
