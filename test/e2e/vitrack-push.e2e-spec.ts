import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GLASS_RIBBON_MODEL } from '../../libs/instruments/src/mpms-model';
import { writeMpmsFile, type MpmsFormat } from '../../libs/instruments/src/mpms-writers';
import { freePort } from '../../scripts/pg-admin';
import { newAlloy, newLineage } from '../factories/sample.factory';
import { newUser } from '../factories/user.factory';
import { eventually } from '../setup/eventually';
import { TestApi } from '../setup/test-api';
import { createTestDatabase, uniquePrefix } from '../setup/test-db';

const ROOT = join(__dirname, '..', '..');
const sweep = (format: MpmsFormat, code: string, mode: 'ZFC' | 'FC', seed: number) =>
  writeMpmsFile(format, GLASS_RIBBON_MODEL, {
    mode,
    direction: mode === 'ZFC' ? 'up' : 'down',
    fieldOe: 20,
    massMg: 2,
    noiseEmu: 5e-8,
    seed,
    sampleName: code,
  });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * vitrack-push as the instrument PC runs it (its own process), against the real API on a real
 * port: finished files uploaded once, a file written slowly uploaded only when complete, the API
 * going away and coming back, and the pusher restarting on its ledger.
 */
describe('vitrack-push', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrack-push-'));
  const stateFile = join(mkdtempSync(join(tmpdir(), 'vitrack-push-state-')), 'ledger.json');
  const prefix = uniquePrefix('push');
  let db: { url: string; drop: () => Promise<void> };
  let api: TestApi | undefined;
  let port: number;
  let token: string;
  let member: string;
  let pieces: { id: string; code: string }[];
  let push: { child: ChildProcess; output: () => string } | undefined;

  const startApi = async () => {
    api = await TestApi.start({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix });
    await api.app.listen(port, '127.0.0.1');
  };
  const startPush = () => {
    const child = spawn(
      process.execPath,
      [
        ...['-r', '@swc-node/register', join(ROOT, 'apps/cli/push.ts')],
        ...['--dir', dir, '--api', `http://127.0.0.1:${port}`, '--state', stateFile],
        // Four seconds unchanged = finished; fast scans and a short backoff keep the test brisk.
        ...['--stable-seconds', '4', '--scan-seconds', '0.2', '--max-backoff-seconds', '1'],
      ],
      { cwd: ROOT, env: { ...process.env, VITRACK_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    push = { child, output: () => out };
  };
  const stopPush = async () => {
    if (!push || push.child.exitCode !== null) return;
    const exited = new Promise((r) => push!.child.once('exit', r));
    push.child.kill('SIGTERM');
    await exited;
  };
  /** Each piece's measurements as `MODE sha256` of their files. */
  const stored = async (pieceId: string): Promise<string[]> => {
    const ms = (await api!.request('GET', `/api/samples/${pieceId}/measurements`, { token: member })).body as {
      conditions: { mode?: string };
      files: { sha256: string }[];
    }[];
    return ms.map((m) => `${m.conditions.mode} ${m.files.map((f) => f.sha256).join(',')}`).sort();
  };
  // The pusher creates a measurement just before uploading its file: wait for the files, not only the measurements.
  const uploaded = async (pieceId: string, count: number): Promise<true | undefined> => {
    const xs = await stored(pieceId);
    return xs.length === count && xs.every((x) => !x.endsWith(' ')) ? true : undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    port = await freePort();
    await startApi();
    const admin = await api!.login();
    const pi = await newUser(api!, admin, 'PI');
    member = (await newUser(api!, admin, 'MEMBER')).token;
    const alloy = await newAlloy(api!, pi.token);
    pieces = (await newLineage(api!, member, alloy.id, 3)).pieces;
    // An upload-scoped API token, as the instrument PC holds one.
    token = (await api!.request('POST', '/api/auth/tokens', { token: member, body: { name: 'MPMS3 PC', scope: 'upload' } })).body.token;
  });

  afterAll(async () => {
    await stopPush();
    await api?.app.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(stateFile, '..'), { recursive: true, force: true });
  });

  it('uploads each finished file once, waits for a slowly written one, rides out the API being down, and resumes from its ledger', async () => {
    const [a, b, c] = pieces;
    const aZfc = sweep('MPMS3_VSM', a.code, 'ZFC', 1);
    const aFc = sweep('MPMS_XL', a.code, 'FC', 2);
    writeFileSync(join(dir, aZfc.fileName), aZfc.text);
    writeFileSync(join(dir, aFc.fileName), aFc.text);
    // A copy of the same bytes under another name is the same content: not uploaded again.
    copyFileSync(join(dir, aZfc.fileName), join(dir, 'copy-of-zfc.dat'));
    // No code anywhere: left for a person.
    writeFileSync(join(dir, 'notes.txt'), 'sample swapped at 14:02\n');
    startPush();
    await eventually('both files of A', () => uploaded(a.id, 2));
    expect(await stored(a.id)).toEqual([`FC ${sha(aFc.text)}`, `ZFC ${sha(aZfc.text)}`].sort());

    // B's file is written in pieces, each well before the last has been still for four seconds.
    const bZfc = sweep('PPMS_VSM', b.code, 'ZFC', 3);
    const path = join(dir, bZfc.fileName);
    const chunks = bZfc.text.match(/[\s\S]{1,4000}/g)!;
    writeFileSync(path, chunks[0]);
    for (const chunk of chunks.slice(1, 8)) {
      await pause(300);
      appendFileSync(path, chunk);
      expect(await stored(b.id)).toEqual([]);
    }
    appendFileSync(path, chunks.slice(8).join(''));
    await eventually('B uploaded', () => uploaded(b.id, 1));
    expect(await stored(b.id)).toEqual([`ZFC ${sha(bZfc.text)}`]);

    // The API goes away; a file arrives meanwhile; the pusher retries until the API is back.
    await api!.app.close();
    api = undefined;
    const cZfc = sweep('MPMS3_DC', c.code, 'ZFC', 4);
    writeFileSync(join(dir, cZfc.fileName), cZfc.text);
    await eventually('a retry while the API is down', () => (/API unavailable .*retrying/.test(push!.output()) ? true : undefined));
    await startApi();
    await eventually('C uploaded after the API came back', () => uploaded(c.id, 1));
    expect(await stored(c.id)).toEqual([`ZFC ${sha(cZfc.text)}`]);

    // The pusher restarts: its ledger knows every upload; only the new file goes up.
    await stopPush();
    const ledger = JSON.parse(readFileSync(stateFile, 'utf8')) as { files: Record<string, { uploadedAt?: string }> };
    expect(Object.values(ledger.files).filter((e) => e.uploadedAt)).toHaveLength(4);
    startPush();
    const cFc = sweep('MPMS3_VSM', c.code, 'FC', 5);
    writeFileSync(join(dir, cFc.fileName), cFc.text);
    await eventually('C FC uploaded after the restart', () => uploaded(c.id, 2));
    expect(push!.output()).toContain('4 files already uploaded');
    expect(await stored(a.id)).toHaveLength(2);
    expect(await stored(b.id)).toHaveLength(1);
    expect(await stored(c.id)).toEqual([`FC ${sha(cFc.text)}`, `ZFC ${sha(cZfc.text)}`].sort());
    expect(push!.output()).toContain('left for the bulk upload page: notes.txt');
    expect(push!.output()).not.toContain(token);
  }, 300_000);
});
