import { connect } from 'node:net';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newAlloy } from '../factories/sample.factory';
import { multipart, newMeasurement } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

/**
 * SIGTERM drains (issue 12, finding 11): an upload still arriving when the app starts closing
 * is answered before the database pool closes, instead of "Cannot use a pool after calling end".
 */
describe('closing the API with a request in flight', () => {
  let api: TestApi;
  let member: string;
  let measurementId: string;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.login();
    const pi = await newUser(api, admin, 'PI');
    member = (await newUser(api, admin, 'MEMBER')).token;
    const alloy = await newAlloy(api, pi.token, { densityGCm3: 5.9 });
    const ingot = await api.request('POST', '/api/samples/ingots', { token: member, body: { alloyId: alloy.id, massG: 5, melts: 5 } });
    const ribbon = await api.request('POST', `/api/samples/${ingot.body.id}/ribbons`, { token: member, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
    const pieces = await api.request('POST', `/api/samples/${ribbon.body.id}/pieces`, { token: member, body: { count: 1, lengthMm: 4, massMg: item.massMg } });
    measurementId = (await newMeasurement(api, member, pieces.body[0].id, 'MAGNETIC', { mode: 'ZFC' })).id;
    await api.app.listen(0, '127.0.0.1');
  }, 60_000);
  afterAll(() => api?.close().catch(() => undefined));

  it('answers the upload in flight with 202, then closes', async () => {
    const port = (api.app.getHttpServer().address() as { port: number }).port;
    const { body, contentType } = multipart(item.zfc.fileName, item.zfc.text);
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (c) => (response += c.toString()));
    const ended = new Promise((r) => socket.once('close', r));
    await new Promise((r) => socket.once('connect', r));
    const head = `POST /api/measurements/${measurementId}/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${member}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    socket.write(head);
    socket.write(body.subarray(0, body.length >> 1));
    // The server has the request: start closing, then send the rest of the body.
    await new Promise((r) => setTimeout(r, 300));
    const closing = api.app.close();
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.subarray(body.length >> 1));
    await ended;
    await closing;
    expect(response).toMatch(/^HTTP\/1\.1 202/);
    expect(response).not.toMatch(/pool/i);
  }, 60_000);
});
