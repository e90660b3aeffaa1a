-- A campaign studies one alloy: pieces of another alloy are refused at assignment.
-- Existing campaigns take the alloy most of their assigned pieces are of, else the only alloy
-- there is; one that neither decides keeps NULL, and its first assignment sets it.
ALTER TABLE "campaigns" ADD COLUMN "alloyId" UUID;

UPDATE "campaigns" c SET "alloyId" = (
  SELECT s."alloyId" FROM "campaign_assignments" ca JOIN "samples" s ON s.id = ca."sampleId"
  WHERE ca."campaignId" = c.id GROUP BY s."alloyId" ORDER BY count(*) DESC, s."alloyId" LIMIT 1
);

UPDATE "campaigns" SET "alloyId" = (SELECT id FROM "alloys")
WHERE "alloyId" IS NULL AND (SELECT count(*) FROM "alloys") = 1;

ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_alloyId_fkey" FOREIGN KEY ("alloyId") REFERENCES "alloys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE INDEX "campaigns_alloyId_idx" ON "campaigns"("alloyId");
