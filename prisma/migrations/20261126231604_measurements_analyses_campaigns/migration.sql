-- CreateEnum
CREATE TYPE "Technique" AS ENUM ('XRD', 'SAXS', 'DSC', 'MAGNETIC', 'RESISTANCE');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "measurements" (
    "id" UUID NOT NULL,
    "sampleId" UUID NOT NULL,
    "technique" "Technique" NOT NULL,
    "instrument" TEXT NOT NULL,
    "conditions" JSONB NOT NULL,
    "performedAt" TIMESTAMP(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measurements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_files" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measurement_files" (
    "measurementId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measurement_files_pkey" PRIMARY KEY ("measurementId","fileId")
);

-- CreateTable
CREATE TABLE "analysis_runs" (
    "id" UUID NOT NULL,
    "measurementId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "analyzer" TEXT NOT NULL,
    "analyzerVersion" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "metrics" JSONB,
    "warnings" JSONB,
    "curves" JSONB,
    "error" TEXT,
    "errorCode" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "timings" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analysis_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "hypothesis" TEXT NOT NULL,
    "factor" JSONB NOT NULL,
    "plannedTechniques" "Technique"[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_assignments" (
    "campaignId" UUID NOT NULL,
    "sampleId" UUID NOT NULL,
    "level" DOUBLE PRECISION NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_assignments_pkey" PRIMARY KEY ("campaignId","sampleId")
);

-- CreateIndex
CREATE INDEX "measurements_sampleId_technique_idx" ON "measurements"("sampleId", "technique");

-- CreateIndex
CREATE UNIQUE INDEX "data_files_sha256_key" ON "data_files"("sha256");

-- CreateIndex
CREATE INDEX "analysis_runs_status_publishedAt_idx" ON "analysis_runs"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "analysis_runs_analyzer_analyzerVersion_idx" ON "analysis_runs"("analyzer", "analyzerVersion");

-- CreateIndex
CREATE UNIQUE INDEX "analysis_runs_measurementId_fileSha256_analyzer_analyzerVer_key" ON "analysis_runs"("measurementId", "fileSha256", "analyzer", "analyzerVersion");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_name_key" ON "campaigns"("name");

-- CreateIndex
CREATE INDEX "campaign_assignments_sampleId_idx" ON "campaign_assignments"("sampleId");

-- AddForeignKey
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "samples"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measurement_files" ADD CONSTRAINT "measurement_files_measurementId_fkey" FOREIGN KEY ("measurementId") REFERENCES "measurements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measurement_files" ADD CONSTRAINT "measurement_files_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "data_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_measurementId_fkey" FOREIGN KEY ("measurementId") REFERENCES "measurements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "data_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_assignments" ADD CONSTRAINT "campaign_assignments_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_assignments" ADD CONSTRAINT "campaign_assignments_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "samples"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
