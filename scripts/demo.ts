/**
 * `npm run demo`: migrates the demo's own database (vitrack_demo, scripts/demo-env.ts), starts the
 * API and the worker, logs the study's samples through the real API (an ingot, a ribbon, pieces,
 * the 453 K anneal campaign and the 77/293 K cryo campaign of the paper, a crystallized control, a
 * piece measured with every technique), uploads their virtual-instrument files, waits for the
 * analyses, prints the study's table beside Vitrack's values (scripts/study-table.ts) and the report URLs.
 * Ctrl-C stops it; DEMO_EXIT=1 stops after seeding; `npm run demo:reset` deletes what it logged.
 */
import { logCampaigns, waitForAnalyses } from './demo-campaigns';
import { ApiClient, joinDefaultProject } from './demo-client';
import { demoEnv, DEMO_PASSWORD, DEMO_USERS } from './demo-env';
import { studyTableInput } from './demo-study';
import { formatStudyTable, studyTable } from './study-table';
import { prepareDatabase, startProcess, stopProcess } from './processes';

const env = demoEnv();

async function seed(base: string) {
  const admin = new ApiClient(base);
  await admin.login(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  for (const { email, role } of DEMO_USERS) {
    await admin.call('POST', '/api/users', { email, name: `Demo ${role}`, role, password: DEMO_PASSWORD }, [201, 409]);
  }
  // The demo's samples and campaigns go to the Default project; its users work there.
  await joinDefaultProject(admin, DEMO_USERS);
  const [piUser, memberUser] = DEMO_USERS;
  const pi = new ApiClient(base);
  await pi.login(piUser.email, DEMO_PASSWORD);
  const member = new ApiClient(base);
  await member.login(memberUser.email, DEMO_PASSWORD);
  const alloys = (await pi.call<{ id: string; name: string }[]>('GET', '/api/alloys')).body;
  const alloy =
    alloys.find((a) => a.name === 'La75Al25') ??
    (await pi.call('POST', '/api/alloys', { name: 'La75Al25', composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 })).body;
  const ingot = (await member.call('POST', '/api/samples/ingots', { alloyId: alloy.id, massG: 5, melts: 5, purities: { La: '99.9 %', Al: '99.99 %' } })).body;
  const ribbon = (await member.call('POST', `/api/samples/${ingot.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25, widthMm: 1.5, atmosphere: 'Ar' })).body;
  const campaigns = await logCampaigns(member, pi, ribbon.id, alloy.id);
  const analyses = await waitForAnalyses(member, campaigns.runIds);
  const report = (await pi.call('GET', `/api/campaigns/${campaigns.annealId}/report`)).body;
  const lineage = (await member.call('GET', `/api/samples/${ribbon.id}/lineage`)).body;
  const study = await studyTableInput(pi, campaigns, report);
  return {
    study,
    ingot,
    ribbon,
    campaigns,
    analyses,
    report,
    pieces: lineage.descendants as { id: string; code: string; state: string; signature: string }[],
    token: pi.token!,
  };
}

async function main(): Promise<void> {
  const base = `http://127.0.0.1:${env.PORT}`;
  console.log(`Vitrack demo: migrating its own database ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')} (queue prefix ${env.QUEUE_PREFIX})`);
  await prepareDatabase(env.DATABASE_URL);
  const api = startProcess('api', env);
  const worker = startProcess('worker', env);
  const stop = async () => {
    await Promise.all([stopProcess(api), stopProcess(worker)]);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    await new ApiClient(base).waitHealthy();
    const { ingot, ribbon, campaigns, analyses, report, pieces, study } = await seed(base);
    console.log(`\nLogged ingot ${ingot.code} → ribbon ${ribbon.code} → ${pieces.length} pieces:`);
    for (const p of pieces) console.log(`  ${p.code.padEnd(16)} ${p.state.padEnd(13)} ${p.signature || '—'}`);
    console.log(`\nUploaded ${campaigns.runIds.length} files; analyses: ${analyses.succeeded} succeeded, ${analyses.failed} failed.`);
    const fit = report.fits.chiExponential;
    const at1 = report.metrics.chiAbs1p8KEmuPerGOe?.levels.find((l: { level: number }) => l.level === 1);
    if (fit)
      console.log(
        `Anneal campaign: |χ|(1.8 K) = k·exp(−t/τ) + y0 with τ = ${fit.tauMin.toFixed(3)} ± ${fit.tauErrMin.toPrecision(2)} min (R² ${fit.r2.toFixed(4)}); shielding change at 1 min: ${at1?.changePct?.toFixed(1)} %.`,
      );
    console.log(`\nThe study's numbers beside Vitrack's, computed from the demo's analyses (docs/analysis-definitions.md "The science"):\n`);
    console.log(formatStudyTable(studyTable(study)));
    console.log(`
Open the web app: ${base}/  (sign in as member@vitrack.local / vitrack-demo, or pi@vitrack.local / vitrack-demo)
  the anneal campaign  ${base}/campaigns/${campaigns.annealId}
  a piece              ${base}/samples/${pieces[2]?.code ?? ''}
  every kind of plot   ${base}/samples/${campaigns.everyTechniqueCode}  (ZFC+FC, R(T) on two channels, XRD, DSC, SAXS)

Where to look:
  anneal report (HTML) ${base}/api/campaigns/${campaigns.annealId}/report.html  (signed in to the web app, or a share link)
  cryo report (HTML)   ${base}/api/campaigns/${campaigns.cryoId}/report.html
  plots / table / JSON …/report.svg, …/report.csv, …/report (same campaigns)
  progress matrix      GET ${base}/api/campaigns/${campaigns.annealId}/progress
  API docs (Swagger)   ${base}/docs            (OpenAPI JSON at ${base}/docs-json)
  queue dashboard      ${base}/admin/queues  (signed in as the admin)
  health, metrics      ${base}/health, ${base}/metrics
  a piece's history    GET ${base}/api/samples/${pieces[2]?.id}/history
  log in as            admin: ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}; ${DEMO_USERS.map((u) => `${u.role}: ${u.email} / ${DEMO_PASSWORD}`).join('; ')}
                       (demo passwords, valid in the demo database only)
                       (POST ${base}/api/auth/login, then "Authorization: Bearer <accessToken>")
`);
  } catch (e) {
    await stop();
    throw e;
  }
  const database = new URL(env.DATABASE_URL).pathname.slice(1);
  const reset = `npm run demo:reset deletes the demo's database (${database}) and its queue keys, so the next npm run demo starts afresh.`;
  if (process.env.DEMO_EXIT === '1') {
    await stop();
    console.log(`Stopped the API and worker (DEMO_EXIT=1); ${reset}`);
    return;
  }
  console.log(`API and worker are running. Ctrl-C stops them; the data stays in ${database}.\n${reset}`);
}

main().catch((e) => {
  console.error(`demo failed: ${(e as Error).message}`);
  process.exit(1);
});
