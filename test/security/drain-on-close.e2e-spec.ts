import { connect } from 'node:net';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { multipart, newMeasurement } from '../factories/upload.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

/**
 * SIGTERM drains (issue 12, finding 11): an upload still arriving when the app starts closing
 * is answered before the database pool closes, instead of "Cannot use a pool after calling end".
 */
describe('closing the API with a request in flight', () => {
  let lab: TestLab;
  let api: TestApi;
  let member: string;
  let measurementId: string;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    lab = await startTestLab('drain');
    api = lab.api;
    member = lab.member.token;
    const { pieces } = await newLineage(api, member, lab.alloy.id, 1, { massMg: item.massMg });
    measurementId = (await newMeasurement(api, member, pieces[0].id, 'MAGNETIC', { mode: 'ZFC' })).id;
    await api.app.listen(0, '127.0.0.1');
  });
  // The test closed the app already: closing it again may throw, the database and keys still go.
  afterAll(() => lab?.close().catch(() => undefined));

  it('answers the upload in flight with 202, then closes', async () => {
    const port = (api.app.getHttpServer().address() as { port: number }).port;
    const { body, contentType } = multipart(item.zfc.fileName, item.zfc.text);
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (c) => (response += c.toString()));
    const ended = new Promise((r) => socket.once('close', r));
    await new Promise((r) => socket.once('connect', r));
    // Node's server emits 'request' once it has parsed the head: the request is in flight from then.
    const received = new Promise((r) => api.app.getHttpServer().once('request', r));
    const head = `POST /api/measurements/${measurementId}/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${member}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    socket.write(head);
    socket.write(body.subarray(0, body.length >> 1));
    // The server has the request: start closing, then send the rest of the body.
    await received;
    const closing = api.app.close();
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.subarray(body.length >> 1));
    await ended;
    await closing;
    expect(response).toMatch(/^HTTP\/1\.1 202/);
    expect(response).not.toMatch(/pool/i);
  });
});
