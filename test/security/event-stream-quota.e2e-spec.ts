import { newUser } from '../factories/user.factory';
import { eventually } from '../setup/eventually';
import { TestApi } from '../setup/test-api';

/** Event streams per user are bounded (issue 12, finding 11): the one past SSE_MAX_PER_USER is 429, and closing one frees its place. */
describe('event streams per user', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start({ SSE_MAX_PER_USER: '3' });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(() => api?.close());

  const open = async (token: string) => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    return { status: res.status, retryable: res.headers.get('content-type'), close: () => abort.abort() };
  };

  it('answers 429 past the limit, counts each user apart, and frees a place when a stream closes', async () => {
    const admin = await api.login();
    const member = await newUser(api, admin, 'MEMBER');
    const streams = [await open(member.token), await open(member.token), await open(member.token)];
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await open(member.token);
    expect(fourth.status).toBe(429);
    const other = await open(admin);
    expect(other.status).toBe(200);
    streams[0].close();
    // The server notices the closed socket asynchronously: poll, bounded, for the freed place.
    const again = await eventually('a freed place', async () => {
      const s = await open(member.token);
      return s.status === 429 ? undefined : s;
    });
    streams.push(again);
    expect(again.status).toBe(200);
    for (const s of [...streams, other]) s.close();
  });
});
