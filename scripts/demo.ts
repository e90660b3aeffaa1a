/**
 * `npm run demo`: migrates the database, starts the API and the worker, logs the study's samples
 * through the real API (an ingot, a ribbon, pieces, the 453 K anneal series and the 77/293 K cryo
 * series of the paper, a crystallized control) and prints where to look. Ctrl-C stops it;
 * DEMO_EXIT=1 stops after seeding (used by CI smoke runs).
 */
import { ApiClient } from './demo-client';
import { prepareDatabase, startProcess, stopProcess } from './processes';

const ANNEAL_HOLDS_MIN = [0, 0.5, 1, 5, 8, 10];
const CRYO_CYCLES = [0, 27, 50];
const PIECES_PER_LEVEL = 2;

const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/vitrack',
  PORT: process.env.PORT ?? '3000',
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@vitrack.local',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'vitrack-admin',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

const anneal = (holdMin: number) => ({ kind: 'ANNEAL', targetK: 453, heatingRateKPerMin: 20, holdMin, atmosphere: 'Ar', cooling: 'water quench' });
const cryo = (cycles: number) => ({ kind: 'CRYO_CYCLE', lowK: 77, highK: 293, cycles, dwellLowS: 60, dwellHighS: 60, media: 'liquid nitrogen / air' });

async function seed(api: ApiClient) {
  await api.login(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  for (const [email, role] of [['pi@vitrack.local', 'PI'], ['member@vitrack.local', 'MEMBER']]) {
    await api.call('POST', '/api/users', { email, name: `Demo ${role}`, role, password: 'vitrack-demo' }, [201, 409]);
  }
  await api.login('pi@vitrack.local', 'vitrack-demo');
  const alloys = (await api.call<{ id: string; name: string }[]>('GET', '/api/alloys')).body;
  const alloy = alloys.find((a) => a.name === 'La75Al25') ?? (await api.call('POST', '/api/alloys', { name: 'La75Al25', composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 })).body;

  await api.login('member@vitrack.local', 'vitrack-demo');
  const ingot = (await api.call('POST', '/api/samples/ingots', { alloyId: alloy.id, massG: 5, melts: 5, purities: { La: '99.9 %', Al: '99.99 %' } })).body;
  const ribbon = (await api.call('POST', `/api/samples/${ingot.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25, widthMm: 1.5, atmosphere: 'Ar' })).body;
  const count = (ANNEAL_HOLDS_MIN.length + CRYO_CYCLES.length - 1) * PIECES_PER_LEVEL + 1;
  const pieces: { id: string; code: string }[] = (await api.call('POST', `/api/samples/${ribbon.id}/pieces`, { count, lengthMm: 4, massMg: 1.2 })).body;

  const rows: string[][] = [];
  let next = 0;
  for (const hold of ANNEAL_HOLDS_MIN) {
    for (let i = 0; i < PIECES_PER_LEVEL; i++) {
      const piece = pieces[next++];
      const res = hold > 0 ? (await api.call('POST', `/api/samples/${piece.id}/treatments`, anneal(hold))).body.sample : (await api.call('GET', `/api/samples/${piece.id}`)).body;
      rows.push([piece.code, `anneal ${hold} min`, res.state, res.signature || '—']);
    }
  }
  for (const cycles of CRYO_CYCLES.filter((c) => c > 0)) {
    for (let i = 0; i < PIECES_PER_LEVEL; i++) {
      const piece = pieces[next++];
      const res = (await api.call('POST', `/api/samples/${piece.id}/treatments`, cryo(cycles))).body.sample;
      rows.push([piece.code, `cryo ${cycles} cycles`, res.state, res.signature]);
    }
  }
  const control = pieces[next++];
  const crystallized = (await api.call('POST', `/api/samples/${control.id}/treatments`, { kind: 'CRYSTALLIZE', targetK: 513, holdMin: 30 })).body.sample;
  rows.push([control.code, 'crystallized control', crystallized.state, crystallized.signature]);
  return { ingot, ribbon, pieces, rows };
}

async function main(): Promise<void> {
  const base = `http://127.0.0.1:${env.PORT}`;
  console.log(`Vitrack demo: migrating ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}`);
  await prepareDatabase(env.DATABASE_URL);
  const api = startProcess('api', env);
  const worker = startProcess('worker', env);
  const stop = async () => {
    await Promise.all([stopProcess(api), stopProcess(worker)]);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    const client = new ApiClient(base);
    await client.waitHealthy();
    const { ingot, ribbon, pieces, rows } = await seed(client);
    console.log(`\nLogged ingot ${ingot.code} → ribbon ${ribbon.code} → ${pieces.length} pieces:`);
    for (const r of rows) console.log(`  ${r[0].padEnd(16)} ${r[1].padEnd(22)} ${r[2].padEnd(13)} ${r[3]}`);
    console.log(`
Where to look:
  API docs (Swagger)   ${base}/docs            (OpenAPI JSON at ${base}/docs-json)
  health               ${base}/health
  a piece              GET ${base}/api/samples/${pieces[2].id}
  its history          GET ${base}/api/samples/${pieces[2].id}/history
  lineage of the ingot GET ${base}/api/samples/${ingot.id}/lineage
  log in as            admin: ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}; PI: pi@vitrack.local / vitrack-demo; member: member@vitrack.local / vitrack-demo
                       (POST ${base}/api/auth/login, then "Authorization: Bearer <accessToken>")
`);
  } catch (e) {
    await stop();
    throw e;
  }
  if (process.env.DEMO_EXIT === '1') {
    await stop();
    return;
  }
  console.log('API and worker are running; Ctrl-C stops them.');
}

main().catch((e) => {
  console.error(`demo failed: ${(e as Error).message}`);
  process.exit(1);
});
