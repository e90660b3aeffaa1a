-- Instrument files are 0.1–1 MB of text. PostgreSQL's default TOAST compression (pglz) spent
-- ~20 ms of server CPU per 0.7 MB insert; lz4 takes ~1 ms and still halves the size of MultiVu
-- files (bench/pipeline-throughput.ts). Existing values keep pglz until rewritten; both read back.
ALTER TABLE "data_files" ALTER COLUMN "content" SET COMPRESSION lz4;
