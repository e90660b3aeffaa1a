-- An ingot is arc-melted crystalline metal: its state is AS_CAST, never a glass state.
ALTER TYPE "SampleState" ADD VALUE 'AS_CAST' BEFORE 'AS_QUENCHED';

-- CreateEnum
CREATE TYPE "RetractionTarget" AS ENUM ('STEP', 'MEASUREMENT', 'FILE');

-- Retractions: a wrong step, measurement or file link is never edited; it is retracted (who,
-- when, why). Exactly one target per row, and each target at most once.
CREATE TABLE "retractions" (
    "id" UUID NOT NULL,
    "target" "RetractionTarget" NOT NULL,
    "stepId" UUID,
    "measurementId" UUID,
    "fileMeasurementId" UUID,
    "fileId" UUID,
    "reason" TEXT NOT NULL,
    "retractedById" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retractions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "retractions_one_target" CHECK (
      ("target" = 'STEP' AND "stepId" IS NOT NULL AND "measurementId" IS NULL AND "fileMeasurementId" IS NULL AND "fileId" IS NULL) OR
      ("target" = 'MEASUREMENT' AND "measurementId" IS NOT NULL AND "stepId" IS NULL AND "fileMeasurementId" IS NULL AND "fileId" IS NULL) OR
      ("target" = 'FILE' AND "fileMeasurementId" IS NOT NULL AND "fileId" IS NOT NULL AND "stepId" IS NULL AND "measurementId" IS NULL)
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "retractions_stepId_key" ON "retractions"("stepId");
CREATE UNIQUE INDEX "retractions_measurementId_key" ON "retractions"("measurementId");
CREATE UNIQUE INDEX "retractions_fileMeasurementId_fileId_key" ON "retractions"("fileMeasurementId", "fileId");

-- AddForeignKey
ALTER TABLE "retractions" ADD CONSTRAINT "retractions_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "process_steps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "retractions" ADD CONSTRAINT "retractions_measurementId_fkey" FOREIGN KEY ("measurementId") REFERENCES "measurements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "retractions" ADD CONSTRAINT "retractions_fileMeasurementId_fileId_fkey" FOREIGN KEY ("fileMeasurementId", "fileId") REFERENCES "measurement_files"("measurementId", "fileId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Retractions are history too: append-only, like process_steps and audit_log.
CREATE TRIGGER retractions_append_only BEFORE UPDATE OR DELETE ON "retractions"
  FOR EACH ROW EXECUTE FUNCTION vitrack_reject_mutation();
CREATE TRIGGER retractions_no_truncate BEFORE TRUNCATE ON "retractions"
  FOR EACH STATEMENT EXECUTE FUNCTION vitrack_reject_mutation();
