-- The API now stores instrument files brotli-compressed (quality 1: ~22 % of a MultiVu file,
-- against 39 % for lz4), so PostgreSQL no longer compresses them: EXTERNAL stores the value
-- out of line as given. Rows written before keep encoding 'identity' and their lz4 or pglz
-- TOAST compression, and read back as before (src/infra/file-store/stored-content.ts).
CREATE TYPE "ContentEncoding" AS ENUM ('identity', 'br');

ALTER TABLE "data_files" ADD COLUMN "encoding" "ContentEncoding" NOT NULL DEFAULT 'identity';

ALTER TABLE "data_files" ALTER COLUMN "content" SET STORAGE EXTERNAL;
