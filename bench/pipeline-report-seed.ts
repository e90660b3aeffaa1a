/**
 * Seeds, with set-based SQL, one ANNEAL_HOLD_MIN campaign at 453 K of `pieces` pieces spread over
 * the six paper levels, each piece with the ANNEAL step its level needs, a ZFC and an FC MAGNETIC
 * measurement, one small file per measurement and one SUCCEEDED magnetic run per measurement.
 *
 * The runs' metrics and curves are those of the real analyzer on a virtual-instrument ZFC/FC pair,
 * with the numbers moved per piece along the campaign's law: |χ|(1.8 K) = k·exp(−t/τ) + y0 with
 * ≈ 1 % piece noise, Tc down ≈ 2.5 % at 1 min, FC/ZFC ≈ 0.25.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { analyzeFile } from '../libs/analysis/src/analyze-file';
import { MAGNETIC_ANALYZER } from '../libs/analysis/src/index';
import { ANNEAL_LEVELS_MIN, GLASS_DENSITY_G_CM3, magneticCampaign } from '../libs/instruments/src/campaign';
import { createRng } from '../libs/instruments/src/rng';

export const TARGET_K = 453;

export interface SeededCampaign {
  campaignId: string;
  pieces: number;
  measurements: number;
  runs: number;
  levels: number[];
  /** Generating law of |χ|(1.8 K), for checking the report's fit. */
  tauMin: number;
}

type Metrics = Record<string, unknown>;

/** The real analyzer's output on the campaign's as-quenched ZFC/FC pair: the template every seeded run copies. */
function analyzerTemplate() {
  const campaign = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1, format: 'MPMS3_VSM' });
  const item = campaign.items[0];
  const enc = new TextEncoder();
  const base = { technique: 'MAGNETIC' as const, massG: item.massMg / 1000, densityGCm3: GLASS_DENSITY_G_CM3, fieldOe: item.zfc.fieldOe };
  const zfc = analyzeFile(enc.encode(item.zfc.text), { ...base, fc: enc.encode(item.fc.text) });
  const fc = analyzeFile(enc.encode(item.fc.text), base);
  if (!zfc.ok || !fc.ok)
    throw new Error(`the magnetic analyzer failed on the template files: ${!zfc.ok ? zfc.error.message : ''} ${!fc.ok ? fc.error.message : ''}`);
  const withFormat = (r: typeof zfc & { ok: true }) => ({
    metrics: { ...r.value.metrics, format: r.value.format } as Metrics,
    warnings: r.value.warnings,
    curves: r.value.curves,
  });
  return { zfc: withFormat(zfc), fc: withFormat(fc), law: campaign.generating };
}

const n = (m: Metrics, key: string): number => {
  const v = m[key];
  if (typeof v !== 'number') throw new Error(`template metric ${key} is not a number: ${String(v)}`);
  return v;
};

/** One piece's ZFC and FC metrics at anneal hold `t` min, as the analyzer would report them. */
function pieceMetrics(template: ReturnType<typeof analyzerTemplate>, t: number, rng: ReturnType<typeof createRng>): { zfc: Metrics; fc: Metrics } {
  const { kEmuPerGOe: k, y0EmuPerGOe: y0, tauMin: tau } = template.law as Required<typeof template.law>;
  const z = template.zfc.metrics;
  const f = template.fc.metrics;
  const chiAbs = (k * Math.exp(-t / tau) + y0) * (1 + 0.01 * rng.gauss());
  const tcScale = (1 - (0.025 * (1 - Math.exp(-t / tau))) / (1 - Math.exp(-1 / tau))) * (1 + 0.002 * rng.gauss());
  const ratio = n(z, 'fcZfcRatio') * (1 + 0.03 * rng.gauss());
  const shieldingPerChi = n(z, 'shieldingFraction1p8K') / Math.abs(n(z, 'chiMass1p8K'));
  const width = 1 + 0.03 * rng.gauss();
  const zfc: Metrics = {
    ...z,
    tcOnsetK: n(z, 'tcOnsetK') * tcScale,
    tcMidK: n(z, 'tcMidK') * tcScale,
    widthFwhmK: n(z, 'widthFwhmK') * width,
    width1090K: n(z, 'width1090K') * width,
    chiMass1p8K: -chiAbs,
    shieldingFraction1p8K: chiAbs * shieldingPerChi,
    fcZfcRatio: ratio,
  };
  const fcChi = -chiAbs * ratio;
  const fc: Metrics = {
    ...f,
    tcOnsetK: n(f, 'tcOnsetK') * tcScale,
    tcMidK: n(f, 'tcMidK') * tcScale,
    chiMass1p8K: fcChi,
    shieldingFraction1p8K: Math.abs(fcChi) * shieldingPerChi,
  };
  return { zfc, fc };
}

export async function seedReportCampaign(url: string, pieces: number, seed = 7): Promise<SeededCampaign> {
  const template = analyzerTemplate();
  const rng = createRng(seed);
  const levels = [...ANNEAL_LEVELS_MIN];
  const userId = randomUUID();
  const alloyId = randomUUID();
  const campaignId = randomUUID();
  const ribbons = 4;

  // Pieces round-robin over the levels; two measurements (ZFC, FC) per piece, each with its file and run.
  const piece = { id: [] as string[], code: [] as string[], ribbon: [] as number[], level: [] as number[] };
  const meas = {
    id: [] as string[],
    sampleId: [] as string[],
    conditions: [] as string[],
    fileId: [] as string[],
    sha: [] as string[],
    content: [] as Buffer[],
    runId: [] as string[],
    metrics: [] as string[],
    mode: [] as string[],
  };
  for (let i = 0; i < pieces; i++) {
    const id = randomUUID();
    const r = i % ribbons;
    const level = levels[i % levels.length];
    piece.id.push(id);
    piece.code.push(`I0001-R${r + 1}-P${String(Math.floor(i / ribbons) + 1).padStart(3, '0')}`);
    piece.ribbon.push(r);
    piece.level.push(level);
    const m = pieceMetrics(template, level, rng);
    for (const mode of ['ZFC', 'FC'] as const) {
      const mid = randomUUID();
      const content = Buffer.from(`[Header]\nTITLE,bench ${mode} ${mid}\n[Data]\n`);
      meas.id.push(mid);
      meas.sampleId.push(id);
      meas.mode.push(mode);
      meas.conditions.push(JSON.stringify({ mode, fieldOe: 20, demagN: 0 }));
      meas.fileId.push(randomUUID());
      meas.sha.push(createHash('sha256').update(content).digest('hex'));
      meas.content.push(content);
      meas.runId.push(randomUUID());
      meas.metrics.push(JSON.stringify(mode === 'ZFC' ? m.zfc : m.fc));
    }
  }

  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`INSERT INTO users (id, email, name, role, "passwordHash") VALUES ($1, 'bench-seed-pi@vitrack.local', 'Bench PI', 'PI', '!no-login')`, [
      userId,
    ]);
    await db.query(`INSERT INTO alloys (id, name, composition, "densityGCm3", "tgK", "txK") VALUES ($1, 'La75Al25', '{"La": 75, "Al": 25}', $2, 474, 493)`, [
      alloyId,
      GLASS_DENSITY_G_CM3,
    ]);
    // Every sample and the campaign go to the migration's Default project (samples and campaigns
    // belong to one project since projects landed).
    const { rows: projects } = await db.query<{ id: string }>(`SELECT id FROM projects WHERE name = 'Default'`);
    const projectId = projects[0].id;
    const ingotId = randomUUID();
    await db.query(
      `INSERT INTO samples (id, code, kind, "alloyId", "projectId", "massMg", "createdById", "createdAt") VALUES ($1, 'I0001', 'INGOT', $2, $4, 5000, $3, '2025-01-06T08:00:00Z')`,
      [ingotId, alloyId, userId, projectId],
    );
    const ribbonIds = Array.from({ length: ribbons }, () => randomUUID());
    await db.query(
      `INSERT INTO samples (id, code, kind, "alloyId", "projectId", "parentId", "createdById", "createdAt")
       SELECT id, 'I0001-R' || ord, 'RIBBON', $2, $5, $3, $4, '2025-01-06T09:00:00Z'::timestamptz + ord * interval '1 hour' FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, ord)`,
      [ribbonIds, alloyId, ingotId, userId, projectId],
    );
    await db.query(
      `INSERT INTO samples (id, code, kind, "alloyId", "projectId", "parentId", "massMg", "lengthMm", state, signature, "createdById", "createdAt")
       SELECT p.id, p.code, 'PIECE', $5, $9, ($6::uuid[])[p.ribbon + 1], 2.1, 4,
              CASE WHEN p.level > 0 THEN 'ANNEALED' ELSE 'AS_QUENCHED' END::"SampleState",
              CASE WHEN p.level > 0 THEN 'A' || $8 || 'K·' || (p.level::numeric)::text || 'min' ELSE '' END,
              $7, '2025-01-07T08:00:00Z'
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::float8[]) AS p(id, code, ribbon, level)`,
      [piece.id, piece.code, piece.ribbon, piece.level, alloyId, ribbonIds, userId, TARGET_K, projectId],
    );
    // Lineage steps: ARC_MELT, MELT_SPIN, CUT, and the ANNEAL that puts each piece at its level.
    await db.query(
      `INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById")
       SELECT gen_random_uuid(), id, 1, CASE kind WHEN 'INGOT' THEN 'ARC_MELT' WHEN 'RIBBON' THEN 'MELT_SPIN' ELSE 'CUT' END::"StepKind",
              CASE kind WHEN 'INGOT' THEN '{"massG": 5, "melts": 5}'::jsonb
                        WHEN 'RIBBON' THEN '{"wheelSpeedMs": 40, "thicknessUm": 25, "widthMm": 1.5}'::jsonb
                        ELSE jsonb_build_object('lengthMm', 4, 'massMg', 2.1, 'fromCode', left(code, length(code) - 5)) END,
              '{}', "createdAt", $1
       FROM samples`,
      [userId],
    );
    await db.query(
      `INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById")
       SELECT gen_random_uuid(), p.id, 2, 'ANNEAL',
              jsonb_build_object('targetK', $3::float8, 'heatingRateKPerMin', 20, 'holdMin', p.level, 'atmosphere', 'Ar', 'cooling', 'water quench'),
              '{}', '2025-01-08T08:00:00Z', $4
       FROM unnest($1::uuid[], $2::float8[]) AS p(id, level) WHERE p.level > 0`,
      [piece.id, piece.level, TARGET_K, userId],
    );
    await db.query(
      `INSERT INTO campaigns (id, name, hypothesis, factor, "plannedTechniques", "alloyId", "projectId", "createdById")
       VALUES ($1, 'Bench anneal at 453 K', 'Sub-Tg annealing lowers the Meissner shielding as k·exp(−t/τ) + y0.', $2, '{MAGNETIC}', $4, $5, $3)`,
      [campaignId, JSON.stringify({ kind: 'ANNEAL_HOLD_MIN', targetK: TARGET_K, levels }), userId, alloyId, projectId],
    );
    await db.query(
      `INSERT INTO campaign_assignments ("campaignId", "sampleId", level, "createdById") SELECT $1, id, level, $4 FROM unnest($2::uuid[], $3::float8[]) AS p(id, level)`,
      [campaignId, piece.id, piece.level, userId],
    );
    await db.query(
      `INSERT INTO measurements (id, "sampleId", technique, instrument, conditions, "performedAt", "createdById")
       SELECT id, "sampleId", 'MAGNETIC', 'virtual MPMS3', conditions, '2025-01-09T08:00:00Z', $4 FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS m(id, "sampleId", conditions)`,
      [meas.id, meas.sampleId, meas.conditions, userId],
    );
    await db.query(
      `INSERT INTO data_files (id, sha256, "sizeBytes", content) SELECT id, sha, length(content), content FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS f(id, sha, content)`,
      [meas.fileId, meas.sha, meas.content],
    );
    await db.query(
      `INSERT INTO measurement_files ("measurementId", "fileId", "fileName", "uploadedById")
       SELECT mid, fid, 'bench-' || lower(mode) || '.dat', $4 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS l(mid, fid, mode)`,
      [meas.id, meas.fileId, meas.mode, userId],
    );
    // Every run carries the template's real curves and warnings (large JSON, stored out of line as the analyzer's are).
    await db.query(
      `INSERT INTO analysis_runs (id, "measurementId", "fileId", "fileSha256", analyzer, "analyzerVersion", status, metrics, warnings, curves, attempts,
                                  "publishedAt", "queuedAt", "startedAt", "finishedAt", timings)
       SELECT r.id, r.mid, r.fid, r.sha, $5, $6, 'SUCCEEDED', r.metrics,
              CASE WHEN r.mode = 'ZFC' THEN $7::jsonb ELSE $8::jsonb END, CASE WHEN r.mode = 'ZFC' THEN $9::jsonb ELSE $10::jsonb END, 1,
              now(), now(), now(), now(), '{"queueWaitMs": 2, "loadMs": 5, "analysisMs": 30, "totalMs": 36}'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $11::jsonb[], $12::text[]) AS r(id, mid, fid, sha, metrics, mode)`,
      [
        meas.runId,
        meas.id,
        meas.fileId,
        meas.sha,
        MAGNETIC_ANALYZER.name,
        MAGNETIC_ANALYZER.version,
        JSON.stringify(template.zfc.warnings),
        JSON.stringify(template.fc.warnings),
        JSON.stringify(template.zfc.curves),
        JSON.stringify(template.fc.curves),
        meas.metrics,
        meas.mode,
      ],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
  return { campaignId, pieces, measurements: meas.id.length, runs: meas.runId.length, levels, tauMin: template.law.tauMin! };
}
