import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { signIn } from '../../scripts/browser';
import { logCampaignItem } from '../factories/campaign.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { eventually, when } from '../setup/eventually';
import { ADMIN, TestApi } from '../setup/test-api';
import { dropFiles, expectUsable, JourneyWindows, startWebStack, text, type WebStack } from '../setup/web-journey';

const PASSWORD = 'password-123';

/**
 * The screens around accounts, sharing and corrections, in Debian's Chromium against the real API
 * (on a spare port, its own database and queue prefix) and the real worker: changing one's own
 * password (and what it does to one's other sessions), a PI's share link to a report (made,
 * copied, opened without an account, revoked), a file dropped on the wrong piece (the warning,
 * then the link retracted with a reason), and a report whose baseline level has no data. axe-core
 * checks every page.
 */
describe('web app: account, share links and corrections in Chromium', () => {
  let stack: WebStack;
  let api: TestApi;
  let base: string;
  let windows: JourneyWindows;
  let member: { email: string; token: string };
  let pi: { email: string; token: string };
  let ribbon: { id: string; code: string };
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items.find((i) => i.level === 1)!;

  beforeAll(async () => {
    stack = await startWebStack('web-acct');
    ({ api, base, windows, member, pi, ribbon } = stack);
  }, 240_000);

  afterAll(() => stack?.close());

  async function cutPieces(count: number): Promise<{ id: string; code: string }[]> {
    return (await api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token: member.token, body: { count, lengthMm: 4, massMg: item.massMg } })).body;
  }

  it('a member changes their password: mistakes show at their field, their other session ends, this one stays', async () => {
    const user = await newUser(api, stack.adminToken, 'MEMBER');
    const other = await windows.open();
    await signIn(other.page, base, user.email, PASSWORD);
    const { context, page } = await windows.open();
    await signIn(page, base, user.email, PASSWORD);
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.waitForURL('**/account/password');
    await expectUsable(page);

    const change = async (current: string, next: string, repeat = next) => {
      await page.getByLabel('Current password').fill(current);
      await page.getByLabel('New password', { exact: true }).fill(next);
      await page.getByLabel('Repeat the new password').fill(repeat);
      await page.getByRole('button', { name: 'Change password' }).click();
    };
    const NEW = 'a-much-longer-secret-7';
    // A wrong current password is a 401 of a request that stays signed in: the message, not the login page.
    await change('not-my-password', NEW);
    expect(await text(page.locator('[data-field="currentPassword"]'))).toBe('the current password is wrong');
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await change(PASSWORD, 'short-1');
    expect(await text(page.locator('[data-field="newPassword"]'))).toMatch(/at least 12 characters/);
    await change(PASSWORD, NEW, `${NEW}x`);
    expect(await text(page.locator('[data-field="repeatPassword"]'))).toBe('does not match the new password');
    await expectUsable(page);

    await change(PASSWORD, NEW);
    expect(await text(page.getByTestId('password-changed'))).toContain('other session');
    expect(await page.getByLabel('Current password').inputValue()).toBe('');

    // This window is still signed in; the other one is sent to the login page at its next request.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Samples' }).click();
    await page.getByRole('table', { name: 'Samples' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/samples');
    await other.page.goto(`${base}/campaigns`);
    await other.page.waitForURL('**/login?next=*');
    // The new password opens a new session; the old one does not.
    expect((await api.request('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
    await signIn(other.page, base, user.email, NEW);
    expect(new URL(other.page.url()).pathname).toBe('/samples');
    await other.context.close();
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 120_000);

  it('a file dropped on the wrong piece is flagged with a link to the right one, and its link is retracted with a reason', async () => {
    const [right, wrong] = await cutPieces(2);
    const mRight = await newMeasurement(api, member.token, right.id, 'MAGNETIC', { mode: 'ZFC', fieldOe: 20, demagN: 0 });
    const runs = (await upload(api, member.token, mRight.id, item.zfc.fileName, item.zfc.text)).body.analysisRunIds as string[];
    await waitForRuns(api, member.token, runs, 90_000);
    await newMeasurement(api, member.token, wrong.id, 'MAGNETIC', { mode: 'ZFC', fieldOe: 20, demagN: 0 });

    const { context, page } = await windows.open();
    await signIn(page, base, member.email, PASSWORD);
    await page.goto(`${base}/samples/${wrong.code}`);
    const card = page.locator('article.measurement').first();
    await dropFiles(page, card.locator('.dropzone'), [{ name: item.zfc.fileName, text: item.zfc.text }]);
    const warning = card.getByTestId('also-linked');
    await warning.waitFor();
    expect(await text(warning)).toContain(`${item.zfc.fileName} is the same file as one already on ${right.code}`);
    expect(await warning.getByRole('link', { name: right.code }).getAttribute('href')).toBe(`/samples/${right.code}`);
    await expectUsable(page);

    // Retract this piece's link to the file: struck through, with the reason, who and when.
    const file = card.locator('section.file').filter({ hasText: item.zfc.fileName });
    await file.waitFor();
    await file.getByText('Retract…').click();
    const reason = 'the file of the neighbouring piece';
    await file.getByLabel(`Reason for retracting the file ${item.zfc.fileName}`).fill(reason);
    await file.getByRole('button', { name: 'Retract', exact: true }).click();
    await file.locator('h4 del').filter({ hasText: item.zfc.fileName }).waitFor();
    const note = await text(file.getByTestId('retraction'));
    expect(note).toContain(reason);
    expect(note).toMatch(/^retracted .+ by you: /);
    expect(await file.getByText('Retract…').count()).toBe(0);
    await expectUsable(page);

    // The API holds it; the right piece's link stands.
    const [wrongM] = (await api.request('GET', `/api/samples/${wrong.id}/measurements`, { token: member.token })).body;
    expect(wrongM.files[0]).toMatchObject({ retracted: true, retraction: { reason } });
    const [rightM] = (await api.request('GET', `/api/samples/${right.id}/measurements`, { token: member.token })).body;
    expect(rightM.files[0].retracted).toBe(false);
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 180_000);

  it('a PI shares a report whose baseline has no data: banner and gaps, a link copied, opened without an account, revoked; a member sees no share control', async () => {
    // Levels 0 and 1 min; only a 1-min piece, analysed: the baseline level has no piece at all.
    const factor = { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] };
    const name = 'Short anneal, no baseline yet';
    const campaign = (
      await api.request('POST', '/api/campaigns', {
        token: pi.token,
        body: { name, alloyId: stack.alloyId, hypothesis: 'One minute at 453 K lowers the shielding.', factor, plannedTechniques: ['MAGNETIC'] },
      })
    ).body;
    const { runIds } = await logCampaignItem(api, { member: member.token, pi: pi.token }, ribbon.id, campaign.id, item);
    await waitForRuns(api, member.token, runIds, 90_000);

    const { context, page } = await windows.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await signIn(page, base, pi.email, PASSWORD);
    await page.goto(`${base}/campaigns/${campaign.id}`);
    const banner = page.getByTestId('report-warnings');
    await banner.waitFor();
    expect(await text(banner)).toMatch(/No baseline data: the baseline level \(0 min\) has no analysed result, so % changes are unavailable/);
    const gap = page.locator('li[data-gap="0|MAGNETIC"]');
    expect(await text(gap)).toContain('no piece assigned to this level');
    expect(await page.locator('li[data-gap="1|MAGNETIC"]').count()).toBe(0);

    // Make a 3-day link, copy it.
    await page.getByText('Share the report', { exact: true }).click();
    await page.getByLabel('Expires in (days)').fill('3');
    await page.getByRole('button', { name: 'Create share link' }).click();
    const url = await page.getByLabel('Share link (shown once)').inputValue();
    expect(url).toMatch(new RegExp(`^${base}/api/shared/[0-9a-f-]{36}\\.[\\w-]+/report\\.html$`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    const row = page.getByRole('table', { name: 'Share links' }).locator('tbody tr');
    await row.first().getByTestId('share-status').filter({ hasText: 'active' }).waitFor();
    expect(await row.count()).toBe(1);
    const expires = Date.parse((await api.request('GET', `/api/campaigns/${campaign.id}/share`, { token: pi.token })).body[0].expiresAt);
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(3);
    await expectUsable(page);

    // Someone without an account opens it: the report, no sign-in.
    const stranger = await windows.open();
    const opened = await stranger.page.goto(url);
    expect(opened?.status()).toBe(200);
    expect(await stranger.page.locator('h1').innerText()).toContain(name);
    expect(new URL(stranger.page.url()).pathname).not.toMatch(/^\/login/);

    // Revoked: listed as such, and the link opens nothing.
    await row
      .first()
      .getByRole('button', { name: /^Revoke the link created / })
      .click();
    await row
      .first()
      .getByTestId('share-status')
      .filter({ hasText: /^revoked / })
      .waitFor();
    expect((await stranger.page.goto(url))?.status()).toBe(404);
    await stranger.context.close();
    await context.close();

    // A member reads the same page without the share control.
    const m = await windows.open();
    await signIn(m.page, base, member.email, PASSWORD);
    await m.page.goto(`${base}/campaigns/${campaign.id}`);
    await m.page.getByTestId('report-warnings').waitFor();
    expect(await m.page.getByText('Share the report').count()).toBe(0);
    await expectUsable(m.page);
    await m.context.close();
    expect(windows.problems).toEqual([]);
  }, 240_000);

  it('an admin creates a project and sets its members and their roles; a member of two projects picks the project of a new ingot', async () => {
    const user = await newUser(api, stack.adminToken, 'MEMBER');
    const { context, page } = await windows.open();
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.waitForURL('**/admin/projects');
    await page.locator('tr[data-project="Default"]').waitFor();
    // A taken name is refused at the field.
    await page.getByLabel('Project name').fill('Default');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.locator('[data-field="name"]').waitFor();
    const name = 'Second group';
    await page.getByLabel('Project name').fill(name);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.locator(`tr[data-project="${name}"]`).waitFor();
    // The new project's members: none yet; add the member as MEMBER, then make them PI.
    const members = page.getByRole('table', { name: `Members of ${name}` });
    await members.waitFor();
    // The table is drawn before its members arrive: wait for the empty message, then count it.
    await page.getByText('No member yet.').first().waitFor();
    expect(await page.getByText('No member yet.').count()).toBe(1);
    await page.getByLabel('User', { exact: true }).selectOption({ label: `${user.email} (MEMBER)` });
    await page.getByLabel('Role in the project', { exact: true }).selectOption('MEMBER');
    await page.getByRole('button', { name: 'Add member' }).click();
    const row = members.locator(`tr[data-member="${user.email}"]`);
    await row.waitFor();
    await page.getByLabel(`Role of ${user.email} in ${name}`).selectOption('PI');
    await expectUsable(page);
    const project = ((await api.request('GET', '/api/projects', { token: stack.adminToken })).body as { id: string; name: string }[]).find(
      (p) => p.name === name,
    )!;
    const listed = async () =>
      ((await api.request('GET', `/api/projects/${project.id}/members`, { token: stack.adminToken })).body as { email: string; role: string }[]).map(
        (m) => `${m.email} ${m.role}`,
      );
    expect(await eventually('the new member listed', async () => when(await listed(), (l) => l.join() === `${user.email} PI`), 90_000, 100)).toEqual([
      `${user.email} PI`,
    ]);

    // In two projects now: the arc-melt form asks which one, and the ingot goes there.
    const mine = await windows.open();
    await signIn(mine.page, base, user.email, PASSWORD);
    await mine.page.getByLabel('Project', { exact: true }).selectOption({ label: name });
    await mine.page.getByRole('button', { name: 'Arc-melt' }).click();
    await mine.page.waitForURL(/\/samples\/I\d{4}$/);
    const code = decodeURIComponent(mine.page.url().split('/').pop()!);
    const ingot = (await api.request('GET', `/api/samples?codePrefix=${code}&limit=1`, { token: user.token })).body.items[0];
    expect(ingot).toMatchObject({ code, projectId: project.id });
    await expectUsable(mine.page);
    await mine.context.close();

    // Someone in one project is never asked.
    const single = await windows.open();
    await signIn(single.page, base, member.email, PASSWORD);
    await single.page.getByRole('button', { name: 'Arc-melt' }).waitFor();
    expect(await single.page.getByLabel('Project', { exact: true }).count()).toBe(0);
    await single.context.close();

    // An administrator sees every project: the campaign form asks too.
    await page.goto(`${base}/campaigns`);
    await page.getByLabel('Project', { exact: true }).selectOption({ label: name });
    await expectUsable(page);
    await page.goto(`${base}/admin/projects?project=${project.id}`);

    // Removed: gone from the list, and from the API's.
    await row.getByRole('button', { name: `Remove ${user.email}` }).click();
    await row.waitFor({ state: 'detached' });
    expect(await listed()).toEqual([]);
    await context.close();
    expect(windows.problems).toEqual([]);
  }, 180_000);
});
