-- Projects keep research groups apart (issue 12, item 7): an ingot and all that descends from it
-- (ribbons, pieces, their steps, measurements, files and analyses) and a campaign belong to one
-- project; users are members of projects with a role there. Existing data moves into one project,
-- "Default", holding every existing user (a PI or ADMIN as PI, everyone else as MEMBER).

-- CreateEnum
CREATE TYPE "ProjectRole" AS ENUM ('MEMBER', 'PI');

-- CreateTable
CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "projects_name_key" ON "projects"("name");

-- CreateTable
CREATE TABLE "project_members" (
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_members_pkey" PRIMARY KEY ("projectId", "userId")
);
CREATE INDEX "project_members_userId_idx" ON "project_members"("userId");
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The default project, also on a fresh database: a lab with one group never has to name one.
INSERT INTO "projects" ("id", "name") VALUES (gen_random_uuid(), 'Default');

INSERT INTO "project_members" ("projectId", "userId", "role")
SELECT p.id, u.id, (CASE WHEN u.role IN ('PI', 'ADMIN') THEN 'PI' ELSE 'MEMBER' END)::"ProjectRole"
FROM "users" u CROSS JOIN "projects" p WHERE p.name = 'Default';

-- Every sample carries its ingot's project (copied on creation), so a list is scoped by one
-- indexed predicate rather than a walk up the lineage.
ALTER TABLE "samples" ADD COLUMN "projectId" UUID;
UPDATE "samples" SET "projectId" = (SELECT id FROM "projects" WHERE name = 'Default');
ALTER TABLE "samples" ALTER COLUMN "projectId" SET NOT NULL;
ALTER TABLE "samples" ADD CONSTRAINT "samples_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- The list routes' filters and order, behind the project (ADMIN's lists keep the indexes without it).
CREATE INDEX "samples_projectId_kind_state_code_idx" ON "samples"("projectId", "kind", "state", "code");
CREATE INDEX "samples_projectId_code_prefix_idx" ON "samples"("projectId", "code" text_pattern_ops);

ALTER TABLE "campaigns" ADD COLUMN "projectId" UUID;
UPDATE "campaigns" SET "projectId" = (SELECT id FROM "projects" WHERE name = 'Default');
ALTER TABLE "campaigns" ALTER COLUMN "projectId" SET NOT NULL;
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- A campaign's name is unique within its project: a name taken in another project is not a 409 that tells it exists.
DROP INDEX "campaigns_name_key";
CREATE UNIQUE INDEX "campaigns_projectId_name_key" ON "campaigns"("projectId", "name");
CREATE INDEX "campaigns_projectId_createdAt_idx" ON "campaigns"("projectId", "createdAt");

-- Audit rows of a project's records name it; global actions (users, tokens, logins) have none and only ADMIN sees them.
ALTER TABLE "audit_log" ADD COLUMN "projectId" UUID;
-- Rows written before projects existed are classified once, by the owner (the runtime role cannot
-- disable the append-only trigger); what they record is unchanged.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";
UPDATE "audit_log" a SET "projectId" = (SELECT id FROM "projects" WHERE name = 'Default')
WHERE a."entityType" IN ('Sample', 'Measurement', 'Campaign', 'AnalysisRun');
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";
CREATE INDEX "audit_log_projectId_id_idx" ON "audit_log"("projectId", "id");
