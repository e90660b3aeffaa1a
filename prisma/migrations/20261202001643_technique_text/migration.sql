-- Techniques are the ids of the registry in libs/analysis/src/techniques.ts, not a database enum:
-- a technique is added with its folder and one registry line, with no migration. A CHECK cannot
-- follow a registry that lives in code, so the API validates every technique it is given against
-- the registry (DTOs take TECHNIQUE_IDS), and test/integration/technique-columns.spec.ts checks the
-- stored values are registered ids.
ALTER TABLE "measurements" ALTER COLUMN "technique" TYPE TEXT USING "technique"::TEXT;
ALTER TABLE "campaigns" ALTER COLUMN "plannedTechniques" TYPE TEXT[] USING "plannedTechniques"::TEXT[];
DROP TYPE "Technique";
