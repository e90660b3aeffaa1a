import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLevel, formatWithError } from '../../libs/charts/src/format';
import { magneticCampaign, type CampaignItem } from '../../libs/instruments/src/campaign';
import { MPMS_FORMATS, writeMpmsFile } from '../../libs/instruments/src/mpms-writers';
import { signIn } from '../../scripts/browser';
import { anneal } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { eventually, when } from '../setup/eventually';
import { ADMIN, TestApi } from '../setup/test-api';
import { dropFiles, expectUsable, JourneyWindows, startWebStack, text, type WebStack } from '../setup/web-journey';

const PASSWORD = 'password-123';
const ANNEAL_FACTOR = { kind: 'ANNEAL_HOLD_MIN' as const, targetK: 453, levels: [0, 0.5, 1, 5, 8, 10] };

/**
 * A member's and a PI's day in the web app, in Debian's Chromium, against the real API (listening
 * on a spare port, its own database and queue prefix) and the real worker process, with the app
 * built for this run. Every page is checked with axe-core (no serious or critical violation), and
 * no page may request anything from another origin or trip the page's strict CSP.
 */
describe('web app journeys in Chromium', () => {
  let stack: WebStack;
  let api: TestApi;
  let base: string;
  let windows: JourneyWindows;
  let member: { email: string; token: string };
  let pi: { email: string; token: string };
  let ribbon: { id: string; code: string };
  /** Pieces the campaign will hold, measured and analysed through the API beforehand (not yet assigned). */
  const seeded: { code: string; level: number }[] = [];
  const campaign = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 });

  beforeAll(async () => {
    stack = await startWebStack('web');
    ({ api, base, windows, member, pi, ribbon } = stack);
    const runIds: string[] = [];
    for (const item of campaign.items) runIds.push(...(await seedPiece(item)));
    await waitForRuns(api, member.token, runIds, 120_000);
  }, 240_000);

  afterAll(() => stack?.close());

  async function seedPiece(item: CampaignItem): Promise<string[]> {
    const [piece] = (
      await api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token: member.token, body: { count: 1, lengthMm: 4, massMg: item.massMg } })
    ).body;
    if (item.level > 0) await api.request('POST', `/api/samples/${piece.id}/treatments`, { token: member.token, body: anneal(453, item.level) });
    seeded.push({ code: piece.code, level: item.level });
    const ids: string[] = [];
    for (const [mode, file] of [
      ['ZFC', item.zfc],
      ['FC', item.fc],
    ] as const) {
      const m = await newMeasurement(api, member.token, piece.id, 'MAGNETIC', { mode, fieldOe: file.fieldOe, demagN: 0 });
      ids.push(...(await upload(api, member.token, m.id, file.fileName, file.text)).body.analysisRunIds);
    }
    return ids;
  }

  it('a member signs in, cuts pieces, anneals one, is refused an anneal above Tg at the field, and sees ZFC and FC analysed live', async () => {
    const { context, page } = await windows.open();
    await signIn(page, base, member.email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/samples');
    await expectUsable(page);

    // Search as you type, in lower case: the ribbon shows up.
    await page.getByLabel('Code starts with').fill(ribbon.code.toLowerCase());
    await page.getByRole('link', { name: ribbon.code, exact: true }).click();
    await page.waitForURL(`**/samples/${ribbon.code}`);

    await page.getByLabel('Number of pieces').fill('3');
    await page.getByRole('button', { name: 'Cut', exact: true }).click();
    const cut = page.getByRole('status').filter({ hasText: 'Cut 3 pieces' });
    await cut.waitFor();
    const codes = await cut
      .getByRole('link')
      .filter({ hasText: /-P\d+$/ })
      .allInnerTexts();
    expect(codes).toHaveLength(3);
    const pieceCode = codes[0];
    await cut.getByRole('link', { name: pieceCode, exact: true }).click();
    await page.waitForURL(`**/samples/${pieceCode}`);
    expect(await text(page.getByTestId('sample-state'))).toBe('AS_QUENCHED');

    // Anneal 1 min at 453 K (the form's defaults but the hold).
    await page.getByLabel('Hold (min)').fill('1');
    await page.getByRole('button', { name: 'Log treatment' }).click();
    await page.getByRole('status').filter({ hasText: 'is now ANNEALED' }).waitFor();
    await page.getByTestId('sample-signature').filter({ hasText: 'A453K·1min' }).waitFor();

    // 480 K is above the alloy's Tg (474 K): refused, and the message sits at the temperature field.
    await page.getByLabel('Temperature (K)').fill('480');
    await page.getByRole('button', { name: 'Log treatment' }).click();
    const atField = page.locator('[data-field="targetK"]');
    await atField.waitFor();
    expect(await text(atField)).toContain('at or above the Tg');
    expect(await page.getByLabel('Temperature (K)').getAttribute('aria-invalid')).toBe('true');
    expect(await text(page.getByTestId('sample-signature'))).toBe('A453K·1min');

    // Two magnetic measurements, then drop a ZFC and an FC file from the virtual MPMS.
    const item = campaign.items.find((i) => i.level === 1)!;
    for (const mode of ['ZFC', 'FC']) {
      await page.getByLabel('Mode').selectOption(mode);
      await page.getByRole('button', { name: 'Add measurement' }).click();
      await page.getByRole('heading', { name: new RegExp(`^MAGNETIC ${mode}`) }).waitFor();
    }
    const card = (mode: string) => page.locator('article.measurement').filter({ has: page.getByRole('heading', { name: new RegExp(`^MAGNETIC ${mode}`) }) });
    await dropFiles(page, card('ZFC').locator('.dropzone'), [{ name: item.zfc.fileName, text: item.zfc.text }]);
    await dropFiles(page, card('FC').locator('.dropzone'), [{ name: item.fc.fileName, text: item.fc.text }]);

    // No reload: the worker's result arrives over SSE and the cards redraw with plot and Tc.
    for (const mode of ['ZFC', 'FC']) {
      await card(mode).getByTestId('analysis-status').filter({ hasText: 'SUCCEEDED' }).waitFor({ timeout: 90_000 });
      // Plots are drawn on a canvas as they scroll into view; the figure names its series, and its caption is the text alternative.
      const chi = card(mode).locator('figure[data-panel="chi"]');
      await chi.scrollIntoViewIfNeeded();
      await chi.locator('canvas').waitFor();
      expect(await chi.getAttribute('data-series')).toContain(`χ ${mode}`);
      expect(await chi.locator('figcaption').innerText()).toMatch(/^χ\(T\): /);
      const tc = Number((await text(card(mode).locator('tr[data-metric="tcOnsetK"] td.num'))).replace('−', '-'));
      expect(tc).toBeGreaterThan(3.2);
      expect(tc).toBeLessThan(3.8);
      expect(await text(card(mode).locator('tr[data-metric="tcOnsetK"] td.unit'))).toBe('K');
    }
    await expectUsable(page);

    // Labels for the ribbon's pieces: one QR code each.
    await page.goto(`${base}/samples/${ribbon.code}`);
    await page.getByRole('link', { name: /Print labels/ }).click();
    await page.waitForURL('**/labels?codes=*');
    const labels = page.locator('figure.label');
    await labels.first().waitFor();
    expect(await labels.count()).toBe(1 + seeded.length + 3);
    expect(await labels.locator('figcaption').allInnerTexts()).toEqual(expect.arrayContaining(codes));
    expect(await labels.first().locator('svg path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await expectUsable(page);

    // Signing out returns to the login page, and the pages ask for it again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${base}/samples/${pieceCode}`);
    await page.waitForURL('**/login?next=*');
    await expectUsable(page);
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 240_000);

  it('a PI designs a campaign, assigns pieces against their histories and reads τ ± σ on the report', async () => {
    const { context, page } = await windows.open();
    await signIn(page, base, pi.email, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByLabel('Name').fill('Anneal 453 K in the app');
    await page.getByLabel('Anneal temperature (K)').fill('453');
    await page.getByLabel('Levels (hold minutes)').fill(ANNEAL_FACTOR.levels.join(', '));
    await page.getByLabel('Hypothesis').fill('Annealing below Tg shrinks the weak-pinning fraction and the Meissner shielding.');
    await expectUsable(page);
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const campaignId = page.url().split('/').pop()!;

    await page.getByText('Assign pieces', { exact: true }).click();
    // A level-0 piece does not match 5 min: the reason shows and it cannot be assigned there.
    await page.getByLabel('Level', { exact: true }).selectOption({ label: formatLevel(5, ANNEAL_FACTOR) });
    const baseline = seeded.find((s) => s.level === 0)!;
    const row = (code: string) => page.locator(`tr[data-code="${code}"]`);
    expect(await text(row(baseline.code).locator('td.mismatch'))).toBe('no: it has 0 min at 453 K; level 5 needs 5 min');
    expect(await row(baseline.code).getByRole('button').isDisabled()).toBe(true);

    for (const s of seeded) {
      await page.getByLabel('Level', { exact: true }).selectOption({ label: formatLevel(s.level, ANNEAL_FACTOR) });
      await page.getByLabel('Piece code starts with').fill(s.code);
      await row(s.code).locator('td.ok').waitFor();
      await row(s.code)
        .getByRole('button', { name: `Assign ${s.code} to ${formatLevel(s.level, ANNEAL_FACTOR)}` })
        .click();
      await row(s.code)
        .getByRole('button', { name: /Assign/ })
        .filter({ hasText: 'Assigned' })
        .waitFor();
    }
    for (const level of ANNEAL_FACTOR.levels)
      await page
        .locator(`[data-cell="${level}|MAGNETIC"]`)
        .filter({ hasText: /^1 \/ 1$/ })
        .waitFor();

    // τ ± σ as the API's report has it, and near the τ that generated the data.
    const report = (await api.request('GET', `/api/campaigns/${campaignId}/report`, { token: pi.token })).body;
    const fit = report.fits.chiExponential;
    expect(fit).not.toBeNull();
    await page
      .locator('#fit-tau')
      .filter({ hasText: `τ = ${formatWithError(fit.tauMin, fit.tauErrMin)} min` })
      .waitFor();
    expect(Math.abs(fit.tauMin - campaign.generating.tauMin!) / campaign.generating.tauMin!).toBeLessThan(0.2);
    expect(await page.locator('#level-table tbody tr').count()).toBe(Object.keys(report.metrics).length);
    await page.getByTestId('report-chart').locator('svg').waitFor();
    await expectUsable(page);

    // The CSV download carries every assigned piece.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    for (const s of seeded) expect(csv).toContain(s.code);

    // Clicking a piece's point in the figure opens that piece.
    // (The legend's "pieces" icon shares the colour; it is drawn last.)
    const points = page.getByTestId('report-chart').locator('svg path[fill="#4e79a7"]');
    expect(await points.count()).toBe(3 * seeded.length + 1);
    await points.nth(2).click({ force: true });
    await page.waitForURL(/\/samples\/I\d{4}-R\d+-P\d+$/);
    expect(seeded.map((s) => s.code)).toContain(decodeURIComponent(page.url().split('/').pop()!));

    // The sample search filters by campaign: exactly the assigned pieces.
    const assigned = seeded.map((s) => s.code).sort();
    const listed = (await api.request('GET', `/api/samples?campaignId=${campaignId}&limit=100`, { token: pi.token })).body.items.map(
      (s: { code: string }) => s.code,
    );
    expect(listed).toEqual(assigned);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Samples' }).click();
    await page.getByLabel('Campaign').selectOption({ label: 'Anneal 453 K in the app' });
    const table = page.locator('table[aria-label="Samples"]');
    await table.locator(`a:text-is("${assigned[0]}")`).waitFor();
    await eventually('every assigned piece listed', async () => when(await table.locator('tbody tr').count(), (n) => n === assigned.length), 90_000, 100);
    expect(await table.locator('tbody td:first-child').allInnerTexts()).toEqual(assigned);
    await expectUsable(page);
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 240_000);

  it('a member bulk-uploads a folder of 12 files matched to 6 pieces, corrects the one without a code, and sees all analysed live', async () => {
    // Six new pieces, and a folder with a ZFC and an FC sweep of each from the virtual magnetometers
    // (every format in turn); one FC file carries no code in its name or header.
    const cut = (await api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token: member.token, body: { count: 6, lengthMm: 4, massMg: 2.2 } })).body as {
      id: string;
      code: string;
    }[];
    const folder = join(mkdtempSync(join(tmpdir(), 'vitrack-bulk-')), 'run-0042');
    mkdirSync(folder);
    const expected = new Map<string, { code: string; mode: 'ZFC' | 'FC' }>();
    cut.forEach((p, i) => {
      const item = campaign.items[i];
      for (const mode of ['ZFC', 'FC'] as const) {
        const sampleName = i === 5 && mode === 'FC' ? 'unlabelled' : p.code;
        const f = writeMpmsFile(MPMS_FORMATS[(2 * i + (mode === 'FC' ? 1 : 0)) % MPMS_FORMATS.length], item.model, {
          mode,
          direction: mode === 'ZFC' ? 'up' : 'down',
          fieldOe: 20,
          massMg: 2.2,
          noiseEmu: 5e-8,
          seed: 100 + 2 * i + (mode === 'FC' ? 1 : 0),
          sampleName,
        });
        writeFileSync(join(folder, f.fileName), f.text);
        expected.set(`run-0042/${f.fileName}`, { code: p.code, mode });
      }
    });
    expect(expected.size).toBe(12);

    const { context, page } = await windows.open();
    await signIn(page, base, member.email, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bulk upload' }).click();
    await page.getByLabel('Choose a folder').setInputFiles(folder);
    const rows = page.locator('table.bulk tbody tr');
    await rows.nth(11).waitFor();
    expect(await rows.count()).toBe(12);

    // Every proposal as the files say; the unlabelled one has no sample and says why.
    for (const [path, want] of expected) {
      const unlabelled = path.includes('unlabelled');
      expect(await page.getByLabel(`Technique of ${path}`).inputValue()).toBe('MAGNETIC');
      expect(await page.getByLabel(`Mode of ${path}`).inputValue()).toBe(want.mode);
      expect(await page.getByLabel(`Field (Oe) of ${path}`).inputValue()).toBe('20');
      expect(await page.getByLabel(`Sample of ${path}`).inputValue()).toBe(unlabelled ? '' : want.code);
      expect(await page.getByLabel(`Upload ${path}`).isChecked()).toBe(!unlabelled);
    }
    const [lonePath, lone] = [...expected].find(([path]) => path.includes('unlabelled'))!;
    expect(await page.locator(`tr[data-file="${lonePath}"]`).getAttribute('data-confidence')).toBe('low');
    expect(await page.getByRole('button', { name: /^Upload \d+ files?$/ }).innerText()).toBe('Upload 11 files');
    await expectUsable(page);

    // Correct it by keyboard: the sample code, then include it.
    await page.getByLabel(`Sample of ${lonePath}`).fill(lone.code.toLowerCase());
    await page.getByLabel(`Upload ${lonePath}`).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Upload 12 files' }).click();

    // Each row goes through its upload to the worker's result, live.
    for (const path of expected.keys())
      await page.locator(`tr[data-file="${path}"]`).getByTestId('bulk-analysis').filter({ hasText: 'SUCCEEDED' }).waitFor({ timeout: 120_000 });
    await expectUsable(page);

    // The API holds what the table said: per piece one ZFC and one FC measurement, each analysed.
    for (const p of cut) {
      const ms = (await api.request('GET', `/api/samples/${p.id}/measurements`, { token: member.token })).body as {
        technique: string;
        conditions: { mode?: string; fieldOe?: number };
        files: { latestAnalysis: { status: string } | null }[];
      }[];
      expect(ms.map((m) => `${m.technique} ${m.conditions.mode} ${m.conditions.fieldOe}`).sort()).toEqual(['MAGNETIC FC 20', 'MAGNETIC ZFC 20']);
      expect(ms.map((m) => m.files.map((f) => f.latestAnalysis?.status))).toEqual([['SUCCEEDED'], ['SUCCEEDED']]);
    }
    await page.getByRole('link', { name: lone.code }).first().click();
    await page.waitForURL(`**/samples/${lone.code}`);
    await context.close();
    rmSync(join(folder, '..'), { recursive: true, force: true });
    expect(windows.problems).toEqual([]);
  }, 300_000);

  it('a member retracts a wrong anneal: the state shown goes back and the entry is struck through with the reason', async () => {
    const [piece] = (await api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token: member.token, body: { count: 1, lengthMm: 4, massMg: 2 } }))
      .body as { id: string; code: string }[];
    expect((await api.request('POST', `/api/samples/${piece.id}/treatments`, { token: member.token, body: anneal(453, 2) })).status).toBe(201);
    const { context, page } = await windows.open();
    await signIn(page, base, member.email, PASSWORD);
    await page.goto(`${base}/samples/${piece.code}`);
    await page.getByTestId('sample-state').filter({ hasText: 'ANNEALED' }).waitFor();
    const entry = page.locator('ol.timeline li[data-event="STEP"]').filter({ hasText: 'anneal' });
    await entry.getByText('Retract…').click();
    const reason = 'logged on the wrong piece';
    await entry.getByLabel(/^Reason for retracting the anneal/).fill(reason);
    await entry.getByRole('button', { name: 'Retract', exact: true }).click();
    await page.getByTestId('sample-state').filter({ hasText: 'AS_QUENCHED' }).waitFor();
    const struck = page.locator('ol.timeline li.retracted').filter({ hasText: 'anneal' });
    await struck.locator('del').waitFor();
    expect(await text(struck.getByTestId('retraction'))).toContain(reason);
    expect(await struck.getByText('Retract…').count()).toBe(0);
    expect((await api.request('GET', `/api/samples/${piece.id}`, { token: member.token })).body.state).toBe('AS_QUENCHED');
    await expectUsable(page);
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 120_000);

  it('an admin lists and adds users, with the way to the queue dashboard; the login works by keyboard alone', async () => {
    const { context, page } = await windows.open();
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/samples');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('cell', { name: member.email, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'queue dashboard', exact: true }).getAttribute('href')).toBe('/admin/queues');
    await page.getByLabel('Email').fill('new.member@test.local');
    await page.getByLabel('Name').fill('New Member');
    await page.getByLabel('Initial password').fill('short');
    await page.getByRole('button', { name: 'Add user' }).click();
    expect(await text(page.locator('[data-field="password"]'))).toMatch(/password/);
    await page.getByLabel('Initial password').fill('long-enough-1');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: 'new.member@test.local', exact: true }).waitFor();
    // Role, disable and a one-time password reset, in the row.
    const newRow = page.locator('tr[data-email="new.member@test.local"]');
    await page.getByLabel('Role of new.member@test.local').selectOption('PI');
    await page.getByRole('button', { name: 'Disable new.member@test.local' }).click();
    await newRow.getByTestId('user-status').filter({ hasText: 'disabled' }).waitFor();
    await page.getByRole('button', { name: 'Reset password of new.member@test.local' }).click();
    expect(await text(newRow.getByTestId('reset-token').locator('code'))).toMatch(/\S{16,}/);
    const listed = (await api.request('GET', '/api/users', { token: await api.login() })).body as { email: string; role: string; disabled: boolean }[];
    expect(listed.find((u) => u.email === 'new.member@test.local')).toMatchObject({ role: 'PI', disabled: true });
    await expectUsable(page);

    // API tokens: an upload-scoped one for an instrument PC, shown once, listed, revoked.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Token name').fill('MPMS3 PC');
    await page.getByLabel('Scope').selectOption('upload');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await text(page.getByTestId('new-token').locator('code'))).toMatch(/^vt_/);
    const tokenRow = page.locator('tr[data-token="MPMS3 PC"]');
    await tokenRow.waitFor();
    expect(await text(tokenRow.locator('td').nth(1))).toBe('UPLOAD');
    await expectUsable(page);
    await page.getByRole('button', { name: 'Revoke MPMS3 PC' }).click();
    await tokenRow.waitFor({ state: 'detached' });
    // The queue dashboard opens with the session cookie alone (page, scripts and its API calls), no token in the URL.
    const dashboardCalls: number[] = [];
    page.on('response', (r) => r.url().startsWith(`${base}/admin/queues`) && dashboardCalls.push(r.status()));
    expect((await page.goto(`${base}/admin/queues`))?.status()).toBe(200);
    await page.getByText('analysis', { exact: false }).first().waitFor();
    expect(dashboardCalls.length).toBeGreaterThan(3);
    expect(dashboardCalls.filter((s) => s >= 400)).toEqual([]);
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 120_000);
});
