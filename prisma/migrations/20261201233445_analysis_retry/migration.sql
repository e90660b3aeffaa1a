-- A failed analysis can be retried (POST /api/analyses/:id/retry) as a new run of the same
-- analyzer version: `retry` numbers the attempts of one (measurement, file, analyzer, version),
-- 0 for the first, and `retryOfId` points at the run retried. `failureKind` says why a run
-- failed, which decides whether a retry can help: FILE (the analyzer's reason: a malformed file
-- or an analysis that cannot apply, never retried), TRANSIENT (time or memory limit, worker
-- crash, database or Redis trouble), SUPERSEDED (its analyzer version was replaced before it ran).
CREATE TYPE "FailureKind" AS ENUM ('FILE', 'TRANSIENT', 'SUPERSEDED');

ALTER TABLE "analysis_runs" ADD COLUMN "failureKind" "FailureKind",
  ADD COLUMN "retry" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "retryOfId" UUID;

UPDATE "analysis_runs" SET "failureKind" = CASE
    WHEN "errorCode" IN ('TRANSIENT_FAILURE', 'ANALYSIS_TIMEOUT', 'ANALYSIS_OUT_OF_MEMORY') THEN 'TRANSIENT'::"FailureKind"
    WHEN "errorCode" = 'ANALYZER_SUPERSEDED' THEN 'SUPERSEDED'::"FailureKind"
    ELSE 'FILE'::"FailureKind" END
  WHERE "status" = 'FAILED';

DROP INDEX "analysis_runs_measurementId_fileSha256_analyzer_analyzerVer_key";
CREATE UNIQUE INDEX "analysis_runs_attempt_key" ON "analysis_runs"("measurementId", "fileSha256", "analyzer", "analyzerVersion", "retry");
CREATE UNIQUE INDEX "analysis_runs_retryOfId_key" ON "analysis_runs"("retryOfId");

ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_retryOfId_fkey" FOREIGN KEY ("retryOfId") REFERENCES "analysis_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
