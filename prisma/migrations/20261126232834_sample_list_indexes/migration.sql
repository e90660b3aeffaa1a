-- DropIndex
DROP INDEX "samples_kind_state_idx";

-- CreateIndex
CREATE INDEX "samples_kind_state_code_idx" ON "samples"("kind", "state", "code");

-- CreateIndex
CREATE INDEX "samples_code_prefix_idx" ON "samples"("code" text_pattern_ops);
