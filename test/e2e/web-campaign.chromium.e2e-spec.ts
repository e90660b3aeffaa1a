import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { simulatePpms } from '../../libs/instruments/src/ppms';
import { signIn } from '../../scripts/browser';
import { logCampaignItem } from '../factories/campaign.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import type { Locator } from 'playwright-core';
import { TestApi } from '../setup/test-api';
import { expectUsable, JourneyWindows, startWebStack, text, type WebStack } from '../setup/web-journey';

const PASSWORD = 'password-123';

/** The point of a series drawn furthest right below the legend (whose icon shares the series' colour). */
async function rightmostPoint(points: Locator): Promise<Locator> {
  const boxes = await Promise.all((await points.all()).map((p) => p.boundingBox()));
  const top = Math.min(...boxes.map((b) => b?.y ?? Infinity));
  let best = 0;
  boxes.forEach((b, i) => {
    if (b && b.y > top + 20 && b.x > (boxes[best]?.x ?? -Infinity)) best = i;
  });
  return points.nth(best);
}

/**
 * A PI's campaign pages in Debian's Chromium against the real API and worker: who sees the design
 * form, the report's transitions figure (Fig. 4(c)) drawn in the app from the same builder as the
 * HTML report (a point opens its piece), and a share link's report read in the app with no account
 * (read-only; a revoked or made-up link says so). axe-core checks every page.
 */
describe('web app: campaign design, transitions figure and shared report in Chromium', () => {
  let stack: WebStack;
  let api: TestApi;
  let base: string;
  let windows: JourneyWindows;
  let campaign: { id: string; name: string };
  let pieces: { id: string; code: string; level: number }[];
  const study = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 });
  const items = [0, 1].map((level) => study.items.find((i) => i.level === level)!);

  beforeAll(async () => {
    stack = await startWebStack('web-camp');
    ({ api, base, windows } = stack);
    const { member, pi, ribbon } = stack;
    const name = 'Transitions after one minute at 453 K';
    const body = {
      name,
      alloyId: stack.alloyId,
      hypothesis: 'One minute at 453 K narrows the local-Tc distribution.',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
      plannedTechniques: ['MAGNETIC', 'RESISTANCE'],
    };
    campaign = { id: (await api.request('POST', '/api/campaigns', { token: pi.token, body })).body.id, name };
    pieces = [];
    const runIds: string[] = [];
    for (const item of items) {
      const logged = await logCampaignItem(api, { member: member.token, pi: pi.token }, ribbon.id, campaign.id, item);
      pieces.push({ ...logged.piece, level: item.level });
      runIds.push(...logged.runIds);
    }
    // The baseline piece also has an R(T) run: its panel draws dR/dT too.
    const ppms = simulatePpms({ seed: 3 });
    const m = await newMeasurement(api, member.token, pieces[0].id, 'RESISTANCE');
    runIds.push(...(await upload(api, member.token, m.id, ppms.fileName, ppms.text)).body.analysisRunIds);
    await waitForRuns(api, member.token, runIds, 120_000);
  }, 300_000);

  afterAll(() => stack?.close());

  it('a member sees the campaigns but no design form, and the API refuses them one; a PI sees the form', async () => {
    const m = await windows.open();
    await signIn(m.page, base, stack.member.email, PASSWORD);
    await m.page.goto(`${base}/campaigns`);
    await m.page.getByRole('link', { name: campaign.name }).waitFor();
    expect(await m.page.getByRole('heading', { name: 'Design a campaign' }).count()).toBe(0);
    expect(await m.page.getByRole('button', { name: 'Create campaign' }).count()).toBe(0);
    await expectUsable(m.page);
    const refused = await api.request('POST', '/api/campaigns', {
      token: stack.member.token,
      body: {
        name: 'not mine to design',
        alloyId: stack.alloyId,
        hypothesis: 'h',
        factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
        plannedTechniques: ['MAGNETIC'],
      },
    });
    expect(refused.status).toBe(403);
    await m.context.close();

    const p = await windows.open();
    await signIn(p.page, base, stack.pi.email, PASSWORD);
    await p.page.goto(`${base}/campaigns`);
    await p.page.getByRole('heading', { name: 'Design a campaign' }).waitFor();
    expect(await p.page.getByRole('button', { name: 'Create campaign' }).isVisible()).toBe(true);
    await p.context.close();
    expect(windows.problems).toEqual([]);
  }, 120_000);

  it('a PI reads the transitions figure of each level in the app, and a point opens that piece', async () => {
    const { context, page } = await windows.open();
    await signIn(page, base, stack.pi.email, PASSWORD);
    await page.goto(`${base}/campaigns/${campaign.id}`);
    const chart = page.getByTestId('transitions-chart');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg').waitFor();
    // One panel per level, titled with its piece's code, and the baseline's dR/dT drawn.
    const svgText = await chart.locator('svg text').allTextContents();
    for (const p of pieces) expect(svgText).toContain(p.code);
    expect(svgText).toEqual(expect.arrayContaining(['−dχ/dT ZFC', '−dχ/dT FC', 'dR/dT']));
    expect(await chart.getAttribute('aria-label')).toContain(pieces.map((p) => p.code).join(', '));
    const resistancePoints = chart.locator('svg path[fill="#e15759"]');
    expect(await resistancePoints.count()).toBeGreaterThan(5);
    await expectUsable(page);

    // The 1-min piece's FC points: its panel is the second, to the right at tablet width.
    const fcPoints = chart.locator('svg path[fill="#f28e2b"]');
    expect(await fcPoints.count()).toBeGreaterThan(10);
    await (await rightmostPoint(fcPoints)).click({ force: true });
    await page.waitForURL(`**/samples/${pieces[1].code}`);
    await page.getByRole('heading', { name: pieces[1].code }).waitFor();
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 120_000);

  it('a share link opens the report in the app without an account, read-only; revoked or made up, it says so', async () => {
    const { context, page } = await windows.open();
    await signIn(page, base, stack.pi.email, PASSWORD);
    await page.goto(`${base}/campaigns/${campaign.id}`);
    await page.getByText('Share the report', { exact: true }).click();
    await page.getByLabel('Expires in (days)').fill('2');
    await page.getByRole('button', { name: 'Create share link' }).click();
    const inApp = page.getByRole('link', { name: 'Open the shared report in the app' });
    const href = (await inApp.getAttribute('href'))!;
    const token = href.replace(/^\/shared\//, '');
    expect((await page.getByLabel('Share link (shown once)').inputValue()).includes(token)).toBe(true);

    const stranger = await windows.open();
    await stranger.page.goto(`${base}${href}`);
    await stranger.page.getByRole('heading', { level: 1, name: campaign.name }).waitFor();
    expect(new URL(stranger.page.url()).pathname).toBe(href);
    expect(await text(stranger.page.locator('header'))).toContain('Shared report, read-only');
    // Only that report: no navigation, no sign out, no download, no share control.
    expect(await stranger.page.getByRole('navigation').count()).toBe(0);
    expect(await stranger.page.getByRole('button', { name: /Sign out|Download CSV/ }).count()).toBe(0);
    expect(await stranger.page.getByText('Share the report').count()).toBe(0);
    expect(await stranger.page.locator('#level-table tbody tr').count()).toBeGreaterThan(0);
    const chart = stranger.page.getByTestId('transitions-chart');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg').waitFor();
    for (const p of pieces) expect(await chart.locator('svg text').allTextContents()).toContain(p.code);
    expect(await chart.getAttribute('aria-label')).not.toContain('open that piece');
    // A point names its piece but opens nothing: the reader has no account.
    await (await rightmostPoint(chart.locator('svg path[fill="#f28e2b"]'))).click({ force: true });
    expect(new URL(stranger.page.url()).pathname).toBe(href);
    await expectUsable(stranger.page);

    // Revoked: the same address now says so, and shows nothing of the report.
    await page
      .getByRole('table', { name: 'Share links' })
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /^Revoke the link created / })
      .click();
    await page
      .getByRole('table', { name: 'Share links' })
      .getByTestId('share-status')
      .filter({ hasText: /^revoked / })
      .waitFor();
    await stranger.page.reload();
    const gone = stranger.page.getByTestId('shared-gone');
    await gone.waitFor();
    expect(await text(gone)).toBe('This share link is invalid, expired or revoked. Ask the person who sent it for a new one.');
    expect(await stranger.page.getByRole('heading', { name: campaign.name }).count()).toBe(0);
    expect(await stranger.page.locator('#level-table').count()).toBe(0);
    await expectUsable(stranger.page);
    await stranger.page.goto(`${base}/shared/${token.split('.')[0]}.made-up-signature`);
    expect(await text(stranger.page.getByTestId('shared-gone'))).toMatch(/^This share link is invalid, expired or revoked/);
    await stranger.context.close();
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 180_000);
});
