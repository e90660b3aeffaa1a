import { connect, Socket } from 'node:net';
import { uniquePrefix } from '../setup/test-db';
import { ADMIN, TestApi } from '../setup/test-api';

/**
 * Brute force and slow clients (issue 12, finding 8): logins are limited per account and per
 * client address in Redis, so two API replicas share one count; a request body dribbled a byte
 * at a time is cut off by the server instead of holding a connection for ever.
 */
describe('login limits across replicas', () => {
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    const prefix = uniquePrefix('login');
    const limits = { QUEUE_PREFIX: prefix, LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_PER_ADDRESS_PER_MIN: '4' };
    a = await TestApi.start(limits);
    b = await TestApi.start(limits);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const login = (api: TestApi, password: string, email = ADMIN.email, address = '10.0.0.1') =>
    api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: address });

  it('refuses an account after its wrong passwords on any replica, with Retry-After, even with the right password', async () => {
    expect((await login(a, 'wrong-1')).statusCode).toBe(401);
    expect((await login(b, 'wrong-2')).statusCode).toBe(401);
    expect((await login(a, 'wrong-3', ADMIN.email.toUpperCase())).statusCode).toBe(401);
    const refused = await login(b, ADMIN.password, ADMIN.email, '10.0.0.2');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', field: 'email' });
  });

  it('limits attempts per client address whichever accounts they try, across replicas', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(i % 2 ? a : b, 'nope', `user${i}@test.local`, '10.0.0.3')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Another address is not affected.
    expect((await login(a, 'nope', 'other@test.local', '10.0.0.4')).statusCode).toBe(401);
  });
});

describe('slow clients', () => {
  let api: TestApi;
  let port: number;
  beforeAll(async () => {
    api = await TestApi.start({ HTTP_REQUEST_TIMEOUT_S: '2', HTTP_HEADERS_TIMEOUT_S: '1' });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => api?.close());

  /** Sends `head` then one byte of `drip` every 200 ms until the server closes the socket or `drip` runs out; returns what came back and how much was sent. */
  async function dribble(head: string, drip: string): Promise<{ response: string; closedByServer: boolean; sent: number }> {
    const socket: Socket = connect(port, '127.0.0.1');
    let response = '';
    let closed = false;
    socket.on('data', (c) => (response += c.toString()));
    socket.on('close', () => (closed = true));
    socket.on('error', () => (closed = true));
    await new Promise((r) => socket.once('connect', r));
    socket.write(head);
    let sent = 0;
    while (!closed && sent < drip.length) {
      await new Promise((r) => setTimeout(r, 200));
      if (!closed) socket.write(drip[sent++]);
    }
    const closedByServer = closed;
    socket.destroy();
    return { response, closedByServer, sent };
  }

  it('cuts off a login body sent a byte at a time', async () => {
    const body = JSON.stringify({ email: ADMIN.email, password: ADMIN.password }).padEnd(150, ' ');
    const res = await dribble(`POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body);
    expect(res.closedByServer).toBe(true);
    expect(res.sent).toBeLessThan(body.length);
    expect(res.response).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off headers sent a byte at a time', async () => {
    const headers = `X-Padding: ${'a'.repeat(140)}\r\n\r\n`;
    const res = await dribble('GET /health HTTP/1.1\r\nHost: x\r\n', headers);
    expect(res.closedByServer).toBe(true);
    expect(res.sent).toBeLessThan(headers.length);
  });

  it('still answers a normal request on the same server', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
  });
});
