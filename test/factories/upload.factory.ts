import { randomBytes } from 'node:crypto';
import type { CampaignItem } from '../../libs/instruments/src/campaign';
import { TestApi } from '../setup/test-api';
import { eventually } from '../setup/eventually';

/** A multipart/form-data body with one `file` field, as curl -F would send it. */
export function multipart(fileName: string, content: Uint8Array | string): { body: Buffer; contentType: string } {
  const boundary = `----vitrack${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, Buffer.from(content), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(api: TestApi, token: string | undefined, measurementId: string, fileName: string, content: Uint8Array | string) {
  const { body, contentType } = multipart(fileName, content);
  const res = await api.app.inject({
    method: 'POST',
    url: `/api/measurements/${measurementId}/files`,
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: body,
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

export async function newMeasurement(api: TestApi, token: string, sampleId: string, technique: string, conditions: object = {}) {
  const res = await api.request('POST', '/api/measurements', { token, body: { sampleId, technique, instrument: 'virtual', conditions } });
  if (res.status !== 201) throw new Error(`measurement create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/** Polls the runs until none is QUEUED or RUNNING (test/setup/eventually.ts: a bound on a hang, not a speed check). */
export async function waitForRuns(api: TestApi, token: string, runIds: string[], timeoutMs = 90_000): Promise<Record<string, any>> {
  const done: Record<string, any> = {};
  return eventually(
    `runs ${runIds.join(', ')} to finish`,
    async () => {
      for (const id of runIds) {
        if (done[id]) continue;
        const res = await api.request('GET', `/api/analyses/${id}`, { token });
        if (res.body.status === 'SUCCEEDED' || res.body.status === 'FAILED') done[id] = res.body;
      }
      return Object.keys(done).length === runIds.length ? done : undefined;
    },
    timeoutMs,
  );
}

/**
 * One ZFC measurement per campaign item on the piece, each with the item's ZFC file uploaded (202
 * expected), in order; returns the runs queued. The files a bounded worker must still analyse
 * after a hostile one.
 */
export async function uploadZfcFiles(api: TestApi, token: string, pieceId: string, items: readonly CampaignItem[]): Promise<string[]> {
  const runIds: string[] = [];
  for (const item of items) {
    const m = await newMeasurement(api, token, pieceId, 'MAGNETIC', { mode: 'ZFC', fieldOe: item.zfc.fieldOe, demagN: 0, massMg: item.massMg });
    const up = await upload(api, token, m.id, item.zfc.fileName, item.zfc.text);
    expect(up.status).toBe(202);
    runIds.push(...up.body.analysisRunIds);
  }
  return runIds;
}
