import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA, schemaDrift } from '../../scripts/schema-drift';

/**
 * schema.prisma and the hand-written migrations must say the same (npm run db:drift): Kysely's
 * types are generated from the one, the database is built by the other.
 */
describe('schema drift (migrations against schema.prisma)', () => {
  it('finds none: schema.prisma describes what the migrations build', async () => {
    expect(await schemaDrift()).toEqual([]);
  });

  it('reports a relation whose onDelete and an index whose columns the migrations do not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrack-drift-'));
    try {
      const original = readFileSync(SCHEMA, 'utf8');
      const relation = '@relation(fields: [stepId], references: [id], onDelete: Restrict)';
      const index = '@@index([code(ops: raw("text_pattern_ops"))], map: "samples_code_prefix_idx")';
      expect(original).toContain(relation);
      expect(original).toContain(index);
      const drifted = original
        .replace(relation, '@relation(fields: [stepId], references: [id], onDelete: Cascade)')
        .replace(index, '@@index([kind, code(ops: raw("text_pattern_ops"))], map: "samples_code_prefix_idx")');
      const path = join(dir, 'schema.prisma');
      writeFileSync(path, drifted);

      const statements = await schemaDrift(path);

      expect(statements).toContainEqual(expect.stringMatching(/"retractions_stepId_fkey" FOREIGN KEY .* ON DELETE CASCADE/));
      expect(statements).toContainEqual(expect.stringMatching(/^CREATE INDEX "samples_code_prefix_idx" ON "samples"\("kind", "code" text_pattern_ops\)$/));
      // The other operator-class index is the same on both sides: PostgreSQL confirms it, so it is not drift.
      expect(statements.join('\n')).not.toContain('samples_projectId_code_prefix_idx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
