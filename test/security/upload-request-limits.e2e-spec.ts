import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement } from '../factories/upload.factory';
import { eventually } from '../setup/eventually';
import { startTestLab, type TestLab } from '../setup/test-lab';

/**
 * The upload limit holds over the whole request (issue 12, finding 9): a 200 MB request, declared
 * or streamed as multipart text fields, is refused with 413 long before its last byte is sent.
 */
describe('upload request limits', () => {
  let lab: TestLab;
  let port: number;
  let member: string;
  let measurementId: string;
  const LIMIT = 1 << 20;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    lab = await startTestLab('limits', { env: { UPLOAD_LIMIT_BYTES: String(LIMIT) } });
    const { api } = lab;
    member = lab.member.token;
    const { pieces } = await newLineage(api, member, lab.alloy.id, 1, { massMg: item.massMg });
    measurementId = (await newMeasurement(api, member, pieces[0].id, 'MAGNETIC', { mode: 'ZFC' })).id;
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => lab?.close());

  /** Sends the head, then `body()` chunks until the server answers or closes; returns the status line and the bytes sent. */
  async function send(head: string, chunk: () => Buffer, totalBytes: number): Promise<{ status: string; sent: number }> {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let done = false;
    socket.on('data', (c) => {
      response += c.toString();
      done = true;
    });
    socket.on('close', () => (done = true));
    socket.on('error', () => (done = true));
    await new Promise((r) => socket.once('connect', r));
    socket.write(head);
    let sent = 0;
    while (!done && sent < totalBytes) {
      const c = chunk();
      sent += c.length;
      if (!socket.write(c)) await new Promise((r) => setTimeout(r, 5));
    }
    await eventually('an answer', () => (response || done ? true : undefined), 90_000, 50);
    socket.destroy();
    return { status: response.split('\r\n')[0], sent };
  }

  const boundary = `----vt${randomBytes(6).toString('hex')}`;
  const head = (extra: string) =>
    `POST /api/measurements/${measurementId}/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${member}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n${extra}\r\n`;
  const textField = () => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${'n'.repeat(64 * 1024)}\r\n`);
  const TOTAL = 200 * 1024 * 1024;

  it('refuses a declared 200 MB request at once', async () => {
    const res = await send(head(`Content-Length: ${TOTAL}\r\n`), textField, TOTAL);
    expect(res.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(res.sent).toBeLessThan(TOTAL / 10);
  });

  it('refuses 200 MB of streamed text fields before the file', async () => {
    const chunked = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
    const res = await send(head('Transfer-Encoding: chunked\r\n'), () => chunked(textField()), TOTAL);
    expect(res.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(res.sent).toBeLessThan(TOTAL / 10);
  });
});
