-- Re-derives the cached state and signature of every sample under today's rules. Rows written
-- before them may still carry what the old ones derived: a ribbon spun from a cryo-cycled ingot
-- stored as REJUVENATED C77/293K×3, its pieces too; signatures in entry order rather than
-- performedAt order. The API re-derives a sample only when its steps change, so those rows stayed
-- wrong in lists and lineage (GET /api/samples/:id, totals and campaign matching derive on read).
--
-- The rules, as src/modules/samples/sample-view.ts (effectiveSteps, deriveSummary) and
-- sample-summary.ts (summarizeSteps) apply them:
-- - an INGOT is AS_CAST with no signature: the glass and its history begin at MELT_SPIN;
-- - a RIBBON's steps are its own; a PIECE's are the ribbon's performed before its CUT (ties: entered
--   no later), then its own; retracted steps are left out;
-- - in performedAt order (ties: entered first, then seq), ANNEAL, CRYO_CYCLE and CRYSTALLIZE give
--   the parts of the signature (A453K·5min, C77/293K×27, X513K·10min, joined by " → ") and the
--   state of the last one (ANNEALED, REJUVENATED); any CRYSTALLIZE makes it CRYSTALLIZED; none,
--   AS_QUENCHED.
-- Numbers print as the application prints them: rounded to three decimals, trailing zeros dropped.
-- test/integration/rederive-glass-state.spec.ts checks this against the application's derivation.

UPDATE "samples" SET "state" = 'AS_CAST', "signature" = ''
WHERE "kind" = 'INGOT' AND ("state" <> 'AS_CAST' OR "signature" <> '');

WITH cut AS (
  SELECT ps."sampleId" AS piece_id, ps."performedAt", ps."createdAt"
  FROM "process_steps" ps JOIN "samples" p ON p.id = ps."sampleId"
  WHERE p."kind" = 'PIECE' AND ps."kind" = 'CUT'
),
shaping AS (
  SELECT g.id AS sample_id, ps.id AS step_id, ps."kind", ps."params", ps."performedAt", ps."createdAt", ps."seq"
  FROM "samples" g JOIN "process_steps" ps ON ps."sampleId" = g.id
  WHERE g."kind" IN ('RIBBON', 'PIECE')
  UNION ALL
  SELECT p.id, ps.id, ps."kind", ps."params", ps."performedAt", ps."createdAt", ps."seq"
  FROM "samples" p
  JOIN "process_steps" ps ON ps."sampleId" = p."parentId"
  LEFT JOIN cut c ON c.piece_id = p.id
  WHERE p."kind" = 'PIECE'
    AND CASE
      WHEN c.piece_id IS NULL THEN ps."createdAt" <= p."createdAt"
      ELSE ps."performedAt" < c."performedAt" OR (ps."performedAt" = c."performedAt" AND ps."createdAt" <= c."createdAt")
    END
),
treatments AS (
  SELECT s.sample_id, s."kind", s."performedAt", s."createdAt", s."seq",
    CASE s."kind"
      WHEN 'ANNEAL' THEN 'A' || trim_scale(round((s."params"->>'targetK')::numeric, 3))::text || 'K·'
        || trim_scale(round((s."params"->>'holdMin')::numeric, 3))::text || 'min'
      WHEN 'CRYO_CYCLE' THEN 'C' || trim_scale(round((s."params"->>'lowK')::numeric, 3))::text || '/'
        || trim_scale(round((s."params"->>'highK')::numeric, 3))::text || 'K×' || trim_scale((s."params"->>'cycles')::numeric)::text
      ELSE 'X' || trim_scale(round((s."params"->>'targetK')::numeric, 3))::text || 'K·'
        || trim_scale(round((s."params"->>'holdMin')::numeric, 3))::text || 'min'
    END AS part
  FROM shaping s
  WHERE s."kind" IN ('ANNEAL', 'CRYO_CYCLE', 'CRYSTALLIZE')
    AND NOT EXISTS (SELECT 1 FROM "retractions" x WHERE x."stepId" = s.step_id)
),
derived AS (
  SELECT g.id,
    CASE
      WHEN bool_or(t."kind" = 'CRYSTALLIZE') THEN 'CRYSTALLIZED'
      WHEN (array_agg(t."kind" ORDER BY t."performedAt" DESC, t."createdAt" DESC, t."seq" DESC))[1] = 'ANNEAL' THEN 'ANNEALED'
      WHEN (array_agg(t."kind" ORDER BY t."performedAt" DESC, t."createdAt" DESC, t."seq" DESC))[1] = 'CRYO_CYCLE' THEN 'REJUVENATED'
      ELSE 'AS_QUENCHED'
    END::"SampleState" AS state,
    COALESCE(string_agg(t.part, ' → ' ORDER BY t."performedAt", t."createdAt", t."seq"), '') AS signature
  FROM "samples" g LEFT JOIN treatments t ON t.sample_id = g.id
  WHERE g."kind" IN ('RIBBON', 'PIECE')
  GROUP BY g.id
)
UPDATE "samples" s SET "state" = d.state, "signature" = d.signature
FROM derived d
WHERE s.id = d.id AND (s."state" <> d.state OR s."signature" <> d.signature);
