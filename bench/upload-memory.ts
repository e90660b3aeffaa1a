/**
 * API memory under concurrent big uploads (issue 12, finding 9: six 48 MB uploads took the API
 * from 309 to 808 MB when whole requests were buffered): starts the compiled API on a private,
 * freshly migrated database, sends BENCH_UPLOADS (6) multipart uploads of BENCH_UPLOAD_MB (48)
 * at once, each an XRD pattern from the virtual instrument, and samples the API process's RSS
 * every 20 ms from idle until the last answer.
 *
 *   npm run bench:build && node dist/bench/upload-memory.js
 *
 * Prints idle RSS, peak RSS and peak − idle (MB), and the upload times; appends them to
 * bench/history.jsonl. Target: peak − idle ≤ BENCH_TARGET_MB (default 300 MB, about one
 * upload's bytes per concurrent upload the API holds at once plus its compressed copy). No worker
 * runs: the runs stay QUEUED, so only the API's own memory is measured.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { laAlXrdModel, virtualXrd } from '../libs/instruments/src/xrd';
import { adminSql, PG_BASE_URL } from '../scripts/pg-admin';
import { deleteKeysUnder } from '../scripts/redis-admin';
import { login, migrate, RunningApi, startApi } from './api-server';
import { machineLine, recordRun, verdict } from './history';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 6);
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 48);
const TARGET_MB = Number(process.env.BENCH_TARGET_MB ?? 300);
const ADMIN_EMAIL = 'bench-admin@vitrack.local';
const ADMIN_PASSWORD = 'bench-admin-password';

/** Resident set of a process, MB (Linux). */
const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** A virtual XRD pattern of about `mb` MB: 2θ 10–90° at the step that gives that size. */
export function xrdOfSize(mb: number, seed = 1): Buffer {
  const probe = virtualXrd(laAlXrdModel(), { stepDeg: 0.01, seed }).bytes.length / 8000;
  const stepDeg = (80 * probe) / (mb * 2 ** 20);
  return Buffer.from(virtualXrd(laAlXrdModel(), { stepDeg, seed }).bytes);
}

function multipart(fileName: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----vitrackbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function call(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function main(): Promise<void> {
  const tag = randomBytes(4).toString('hex');
  const dbName = `vitrack_bench_${tag}`;
  const url = `${PG_BASE_URL}/${dbName}`;
  let api: RunningApi | undefined;
  try {
    console.log(machineLine());
    await adminSql(`CREATE DATABASE "${dbName}"`);
    await migrate(url);
    const limit = Math.ceil((UPLOAD_MB + 2) * 2 ** 20);
    api = await startApi({
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: `vt-bench-${tag}`,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      UPLOAD_LIMIT_BYTES: String(limit),
    });
    const token = await login(api.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const alloy = await call(api.baseUrl, token, 'POST', '/api/alloys', {
      name: 'La75Al25',
      composition: { La: 75, Al: 25 },
      densityGCm3: 5.9,
      tgK: 474,
      txK: 493,
    });
    const ingot = await call(api.baseUrl, token, 'POST', '/api/samples/ingots', { alloyId: alloy.id, massG: 5, melts: 5 });
    const ribbon = await call(api.baseUrl, token, 'POST', `/api/samples/${ingot.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25 });
    const pieceRes = await fetch(`${api.baseUrl}/api/samples/${ribbon.id}/pieces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, lengthMm: 4, massMg: 2 }),
    });
    const piece = ((await pieceRes.json()) as { id: string }[])[0];
    const measurement = () =>
      call(api!.baseUrl, token, 'POST', '/api/measurements', {
        sampleId: piece.id,
        technique: 'XRD',
        instrument: 'virtual',
        conditions: { wavelengthA: 1.5406 },
      });
    const send = async (measurementId: string, name: string, content: Buffer) => {
      const { body, contentType } = multipart(name, content);
      const t = performance.now();
      const res = await fetch(`${api!.baseUrl}/api/measurements/${measurementId}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
      }).catch((e: unknown) => {
        throw new Error(`upload of ${name} (${(content.length / 2 ** 20).toFixed(1)} MB) failed: ${String((e as Error).cause ?? e)}\n${api!.tail()}`);
      });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
      return performance.now() - t;
    };

    // Warm-up: one small upload loads every code path the big ones take.
    await send((await measurement()).id, 'warm-up.xy', xrdOfSize(1, 99));
    const files = Array.from({ length: UPLOADS }, (_, i) => xrdOfSize(UPLOAD_MB, i + 1));
    // Making the files blocks this process for seconds: let the sockets the API closed meanwhile close here too.
    await new Promise((r) => setTimeout(r, 1000));
    const ids = await Promise.all(files.map(() => measurement()));
    await new Promise((r) => setTimeout(r, 2000));
    const pid = api.child.pid!;
    const idle = rssMb(pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    const t0 = performance.now();
    const times = await Promise.all(files.map((f, i) => send(ids[i].id, `big-${i}.xy`, f)));
    const wallMs = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(pid));
    const grew = peak - idle;
    const sizeMb = files[0].length / 2 ** 20;
    console.log(
      `\n${UPLOADS} uploads of ${sizeMb.toFixed(1)} MB at once: all 202 in ${(wallMs / 1000).toFixed(1)} s (slowest ${(Math.max(...times) / 1000).toFixed(1)} s)`,
    );
    console.log(
      `API RSS: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, peak − idle ${grew.toFixed(0)} MB (target ≤ ${TARGET_MB} MB): ${verdict(grew <= TARGET_MB)}`,
    );
    recordRun(
      'upload-memory',
      { uploads: UPLOADS, uploadMb: Number(sizeMb.toFixed(1)), targetMb: TARGET_MB },
      { idleRssMb: idle, peakRssMb: peak, growthMb: grew, wallMs, slowestUploadMs: Math.max(...times) },
      { growth: verdict(grew <= TARGET_MB) },
    );
  } finally {
    await api?.stop();
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await deleteKeysUnder(`vt-bench-${tag}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
