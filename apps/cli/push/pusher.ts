/**
 * The watch loop: list the folder, wait for each file to be finished (stability.ts), and upload
 * each content once (ledger.ts): match it (POST /api/uploads/match), create its measurement, upload
 * its bytes. Files matched with less than full confidence are left for a person (the web app's
 * bulk upload page), as are files the API refuses.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Ledger } from './ledger';
import { PushClient, Refused } from './push-client';
import type { PushOptions } from './push-args';
import { StabilityTracker } from './stability';

/** What POST /api/uploads/match answers per file (src/modules/uploads/dto/match-uploads.responses.ts). */
interface Proposal {
  technique: string | null;
  format: string | null;
  mode: 'ZFC' | 'FC' | null;
  fieldOe: number | null;
  sampleCode: string | null;
  sampleId: string | null;
  confidence: 'high' | 'low' | 'none';
  why: string[];
}

const HEAD_BYTES = 16 * 1024;

export class Pusher {
  private readonly tracker: StabilityTracker;
  /** Files already dealt with in this run, by path → `size:mtime` (a change makes them new again). */
  private readonly handled = new Map<string, string>();
  private readonly ignored: Set<string>;

  constructor(
    private readonly opts: PushOptions,
    private readonly ledger: Ledger,
    private readonly client: PushClient,
    private readonly log: (line: string) => void,
  ) {
    this.tracker = new StabilityTracker(opts.stableSeconds * 1000);
    this.ignored = new Set([resolve(opts.stateFile)]);
  }

  /** Every regular file under the folder but hidden ones and the ledger (and its temporary copies). */
  private list(dir = this.opts.dir): string[] {
    const out: string[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) out.push(...this.list(path));
      else if (e.isFile() && !this.ignored.has(resolve(path)) && !resolve(path).startsWith(`${resolve(this.opts.stateFile)}.tmp-`)) out.push(path);
    }
    return out;
  }

  /** One pass over the folder; uploads what is finished and new. */
  async scan(now: number, stopped: () => boolean): Promise<void> {
    const paths = this.list();
    this.tracker.retain(new Set(paths));
    for (const path of paths) {
      if (stopped()) return;
      let st;
      try {
        st = statSync(path);
      } catch {
        continue; // removed since listing
      }
      const version = `${st.size}:${st.mtimeMs}`;
      if (this.handled.get(path) === version) continue;
      if (!this.tracker.observe(path, st.size, st.mtimeMs, now)) continue;
      const bytes = readFileSync(path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (!this.ledger.done(sha256)) await this.push(relative(this.opts.dir, path), bytes, sha256);
      this.handled.set(path, version);
    }
  }

  private async push(name: string, bytes: Buffer, sha256: string): Promise<void> {
    const prior = this.ledger.get(sha256);
    try {
      let measurementId = prior?.measurementId;
      let entry = prior ?? { path: name };
      if (!measurementId) {
        const head = bytes.subarray(0, HEAD_BYTES).toString('base64');
        const { proposals } = await this.client.postJson<{ proposals: Proposal[] }>('/api/uploads/match', { files: [{ fileName: name, headBase64: head }] });
        const p = proposals[0];
        if (p.confidence !== 'high' || !p.sampleId || !p.technique) {
          this.log(`left for the bulk upload page: ${name}: ${p.why.join('; ')}`);
          return;
        }
        const conditions = { ...(p.mode && { mode: p.mode }), ...(p.fieldOe !== null && { fieldOe: p.fieldOe }) };
        const m = await this.client.postJson<{ id: string }>('/api/measurements', {
          sampleId: p.sampleId,
          technique: p.technique,
          instrument: this.opts.instrument ?? p.format ?? p.technique,
          conditions,
        });
        measurementId = m.id;
        entry = { path: name, sampleCode: p.sampleCode ?? undefined, technique: p.technique, measurementId };
        this.ledger.set(sha256, entry);
      }
      const up = await this.client.postFile<{ fileId: string; duplicate: boolean; analysisRunIds: string[] }>(
        `/api/measurements/${measurementId}/files`,
        name.replace(/^.*[\\/]/, ''),
        bytes,
      );
      this.ledger.set(sha256, { ...entry, uploadedAt: new Date().toISOString(), fileId: up.fileId });
      this.log(`uploaded ${name} → ${entry.sampleCode ?? '?'} ${entry.technique ?? ''} measurement ${measurementId}${up.duplicate ? ' (already there)' : ''}`);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      this.ledger.set(sha256, { ...(prior ?? { path: name }), rejected: `${e.status}: ${e.message}` });
      this.log(`refused by the API, not retried: ${name}: ${e.message}`);
    }
  }
}
