-- Ingots were stored as AS_QUENCHED; they are AS_CAST (the value exists from the previous migration,
-- which had to commit before it can be used).
UPDATE "samples" SET "state" = 'AS_CAST', "signature" = '' WHERE "kind" = 'INGOT';
