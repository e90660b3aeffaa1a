-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'PI', 'ADMIN');

-- CreateEnum
CREATE TYPE "SampleKind" AS ENUM ('INGOT', 'RIBBON', 'PIECE');

-- CreateEnum
CREATE TYPE "SampleState" AS ENUM ('AS_QUENCHED', 'ANNEALED', 'REJUVENATED', 'CRYSTALLIZED');

-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('ARC_MELT', 'MELT_SPIN', 'CUT', 'ANNEAL', 'CRYO_CYCLE', 'CRYSTALLIZE');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alloys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "composition" JSONB NOT NULL,
    "densityGCm3" DOUBLE PRECISION NOT NULL,
    "tgK" DOUBLE PRECISION NOT NULL,
    "txK" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alloys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "samples" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "SampleKind" NOT NULL,
    "alloyId" UUID NOT NULL,
    "parentId" UUID,
    "massMg" DOUBLE PRECISION,
    "lengthMm" DOUBLE PRECISION,
    "notes" TEXT,
    "state" "SampleState" NOT NULL DEFAULT 'AS_QUENCHED',
    "signature" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process_steps" (
    "id" UUID NOT NULL,
    "sampleId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "StepKind" NOT NULL,
    "params" JSONB NOT NULL,
    "flags" TEXT[],
    "overrideReason" TEXT,
    "performedAt" TIMESTAMP(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "process_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "api_tokens_userId_idx" ON "api_tokens"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "alloys_name_key" ON "alloys"("name");

-- CreateIndex
CREATE UNIQUE INDEX "samples_code_key" ON "samples"("code");

-- CreateIndex
CREATE INDEX "samples_parentId_idx" ON "samples"("parentId");

-- CreateIndex
CREATE INDEX "samples_alloyId_kind_idx" ON "samples"("alloyId", "kind");

-- CreateIndex
CREATE INDEX "samples_kind_state_idx" ON "samples"("kind", "state");

-- CreateIndex
CREATE UNIQUE INDEX "process_steps_sampleId_seq_key" ON "process_steps"("sampleId", "seq");

-- CreateIndex
CREATE INDEX "audit_log_entityId_at_idx" ON "audit_log"("entityId", "at");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_alloyId_fkey" FOREIGN KEY ("alloyId") REFERENCES "alloys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "samples"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_steps" ADD CONSTRAINT "process_steps_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "samples"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only history: process steps and audit rows can be inserted, never changed or removed.
-- Enforced here rather than only in code, so no client (psql, a script, a bug) can rewrite history.
CREATE FUNCTION vitrack_reject_mutation() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'VTA01';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER process_steps_append_only BEFORE UPDATE OR DELETE ON "process_steps"
  FOR EACH ROW EXECUTE FUNCTION vitrack_reject_mutation();
CREATE TRIGGER process_steps_no_truncate BEFORE TRUNCATE ON "process_steps"
  FOR EACH STATEMENT EXECUTE FUNCTION vitrack_reject_mutation();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION vitrack_reject_mutation();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION vitrack_reject_mutation();
