import { Client } from 'pg';

/** Shape of the seeded lineage: ingots → ribbons → pieces, each piece cut then treated. */
export interface SeedShape {
  ingots: number;
  ribbonsPerIngot: number;
  piecesPerRibbon: number;
  /** ANNEAL / CRYO_CYCLE steps on each piece after its CUT. */
  treatmentsPerPiece: number;
}

/** 100 × 4 × 25 = 10,000 pieces; 100 + 400 + 10,000 × (1 + 9) = 100,500 steps; 12 history events per piece. */
export const DEFAULT_SHAPE: SeedShape = { ingots: 100, ribbonsPerIngot: 4, piecesPerRibbon: 25, treatmentsPerPiece: 9 };

export interface SeedCounts {
  samples: number;
  pieces: number;
  steps: number;
  annealedPieces: number;
  rejuvenatedPieces: number;
}

// Fixed origin so every run seeds identical timelines; one ingot per day keeps ancestors' steps before their children.
const T0 = '2025-01-06T08:00:00Z';

/**
 * Fills a freshly migrated database with set-based SQL (no ORM round trips): one alloy, one seeding
 * user, a second project beside the migration's Default one (which holds every sample), the lineage of `shape`, and the cached state/signature the app derives from the steps
 * (ANNEAL → ANNEALED, CRYO_CYCLE → REJUVENATED, signature `A453K·5min → C77/293K×27`).
 */
export async function seedDatabase(url: string, shape: SeedShape = DEFAULT_SHAPE): Promise<SeedCounts> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN');
    const user = await one(
      db,
      `INSERT INTO users (id, email, name, role, "passwordHash") VALUES (gen_random_uuid(), 'bench-seed@vitrack.local', 'Bench seeder', 'MEMBER', '!no-login') RETURNING id`,
    );
    // Every sample goes to the migration's Default project; a second, empty project is there so the
    // benchmark's member is in two and the list routes' project predicate holds more than one id.
    // A checkout from before projects (bench/api-ab.ts seeds fdaef63 too) has no projects table: no project column then.
    const hasProjects = (await one(db, `SELECT to_regclass('projects')::text AS id`)) !== null;
    if (hasProjects) await db.query(`INSERT INTO projects (id, name) VALUES (gen_random_uuid(), 'Bench other group')`);
    const projectCol = hasProjects ? ', "projectId"' : '';
    /** The value list's project entry, `from` (a SQL expression), or nothing before projects. */
    const projectOf = (from: string): string => (hasProjects ? `, ${from}` : '');
    const alloy = await one(
      db,
      `INSERT INTO alloys (id, name, composition, "densityGCm3", "tgK", "txK") VALUES (gen_random_uuid(), 'La75Al25', '{"La": 75, "Al": 25}', 5.9, 474, 493) RETURNING id`,
    );

    await db.query(
      `WITH ingots AS (
         INSERT INTO samples (id, code, kind, "alloyId"${projectCol}, "massMg", "createdById", "createdAt")
         SELECT gen_random_uuid(), 'I' || lpad(i::text, 4, '0'), 'INGOT', $1::uuid${projectOf(`(SELECT id FROM projects WHERE name = 'Default')`)}, 5000, $2::uuid,
                $3::timestamptz + (i - 1) * interval '1 day'
         FROM generate_series(1, $4::int) i
         RETURNING id, "createdAt")
       INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById", "createdAt")
       SELECT gen_random_uuid(), id, 1, 'ARC_MELT', '{"massG": 5, "melts": 5}', '{}', "createdAt", $2::uuid, "createdAt" FROM ingots`,
      [alloy, user, T0, shape.ingots],
    );

    await db.query(
      `WITH ribbons AS (
         INSERT INTO samples (id, code, kind, "alloyId"${projectCol}, "parentId", "createdById", "createdAt")
         SELECT gen_random_uuid(), i.code || '-R' || r, 'RIBBON', i."alloyId"${projectOf('i."projectId"')}, i.id, $1::uuid, i."createdAt" + r * interval '1 hour'
         FROM samples i CROSS JOIN generate_series(1, $2::int) r
         WHERE i.kind = 'INGOT'
         RETURNING id, "createdAt")
       INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById", "createdAt")
       SELECT gen_random_uuid(), id, 1, 'MELT_SPIN', '{"wheelSpeedMs": 40, "thicknessUm": 25, "widthMm": 1.5, "meltTempK": 1160, "atmosphere": "Ar"}', '{}',
              "createdAt", $1::uuid, "createdAt"
       FROM ribbons`,
      [user, shape.ribbonsPerIngot],
    );

    // A piece's code is its ribbon's plus '-Pnn', so the CUT step's fromCode is the code minus its last four characters.
    await db.query(
      `WITH pieces AS (
         INSERT INTO samples (id, code, kind, "alloyId"${projectCol}, "parentId", "massMg", "lengthMm", "createdById", "createdAt")
         SELECT gen_random_uuid(), r.code || '-P' || lpad(p::text, 2, '0'), 'PIECE', r."alloyId"${projectOf('r."projectId"')}, r.id, 1.2, 4, $1::uuid,
                r."createdAt" + interval '30 minutes' + p * interval '1 second'
         FROM samples r CROSS JOIN generate_series(1, $2::int) p
         WHERE r.kind = 'RIBBON'
         RETURNING id, code, "createdAt")
       INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById", "createdAt")
       SELECT gen_random_uuid(), id, 1, 'CUT', jsonb_build_object('lengthMm', 4, 'massMg', 1.2, 'fromCode', left(code, length(code) - 4)), '{}',
              "createdAt", $1::uuid, "createdAt"
       FROM pieces`,
      [user, shape.piecesPerRibbon],
    );

    // Two anneals for every cryo cycle, phase-shifted per piece: about two thirds of the pieces end ANNEALED.
    await db.query(
      `INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById", "createdAt")
       SELECT gen_random_uuid(), s.id, 1 + j, t.kind, t.params, '{}', s."createdAt" + j * interval '1 day', $1::uuid, s."createdAt" + j * interval '1 day'
       FROM (SELECT id, "createdAt", row_number() OVER (ORDER BY code) AS n FROM samples WHERE kind = 'PIECE') s
       CROSS JOIN generate_series(1, $2::int) j
       CROSS JOIN LATERAL (
         SELECT CASE WHEN (s.n + j) % 3 = 0 THEN 'CRYO_CYCLE'::"StepKind" ELSE 'ANNEAL'::"StepKind" END AS kind,
                CASE WHEN (s.n + j) % 3 = 0
                  THEN jsonb_build_object('lowK', 77, 'highK', 293, 'cycles', (ARRAY[10, 27, 50, 100])[1 + (s.n + j) % 4], 'dwellLowS', 60, 'dwellHighS', 60)
                  ELSE jsonb_build_object('targetK', 453, 'heatingRateKPerMin', 20, 'holdMin', (ARRAY[1, 2, 5, 10, 30])[1 + (s.n * 7 + j) % 5],
                                          'atmosphere', 'Ar', 'cooling', 'water quench')
                END AS params
       ) t`,
      [user, shape.treatmentsPerPiece],
    );

    // Same derivation as sample-summary.ts for integer parameters (ancestors carry no treatments here).
    await db.query(
      `UPDATE samples s SET state = d.state, signature = d.signature
       FROM (
         SELECT "sampleId",
                CASE WHEN (array_agg(kind ORDER BY seq DESC))[1] = 'CRYO_CYCLE' THEN 'REJUVENATED' ELSE 'ANNEALED' END::"SampleState" AS state,
                string_agg(CASE kind
                             WHEN 'ANNEAL' THEN 'A' || (params->>'targetK') || 'K·' || (params->>'holdMin') || 'min'
                             ELSE 'C' || (params->>'lowK') || '/' || (params->>'highK') || 'K×' || (params->>'cycles')
                           END, ' → ' ORDER BY seq) AS signature
         FROM process_steps
         WHERE kind IN ('ANNEAL', 'CRYO_CYCLE')
         GROUP BY "sampleId"
       ) d
       WHERE s.id = d."sampleId"`,
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');

    const { rows } = await db.query<Record<keyof SeedCounts, string>>(
      `SELECT (SELECT count(*) FROM samples) AS samples,
              (SELECT count(*) FROM samples WHERE kind = 'PIECE') AS pieces,
              (SELECT count(*) FROM process_steps) AS steps,
              (SELECT count(*) FROM samples WHERE kind = 'PIECE' AND state = 'ANNEALED') AS "annealedPieces",
              (SELECT count(*) FROM samples WHERE kind = 'PIECE' AND state = 'REJUVENATED') AS "rejuvenatedPieces"`,
    );
    const r = rows[0];
    return { samples: +r.samples, pieces: +r.pieces, steps: +r.steps, annealedPieces: +r.annealedPieces, rejuvenatedPieces: +r.rejuvenatedPieces };
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}

export interface SeededPiece {
  id: string;
  code: string;
  state: string;
  signature: string;
}

/** Every piece with its cached state and signature, for the benchmark to rotate over and cross-check. */
export async function seededPieces(url: string): Promise<SeededPiece[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<SeededPiece>(`SELECT id, code, state, signature FROM samples WHERE kind = 'PIECE' ORDER BY code`)).rows;
  } finally {
    await db.end();
  }
}

async function one(db: Client, sql: string): Promise<string> {
  return (await db.query<{ id: string }>(sql)).rows[0].id;
}
