/**
 * The Tableau de bord after a real FEC import: the Encours card's TTC balance equals a plain sum of the file's
 * 411 lines (Debit − Credit, French decimal comma), covered + uncovered = total exposure, top exposures lead
 * to the buyer page, no serious accessibility violation, screenshots in both languages.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { DashboardScreen } from './pages/dashboard-page';
import { ImportScreen } from './pages/import-page';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const SCREENSHOTS = 'test-results/screenshots';

/** Σ (Debit − Credit) of the 411 lines, in cents, by a plain read of the pipe-separated file. */
function fixture411BalanceCents(): number {
  const cents = (text: string): number => Math.round(Number(text.trim().replace(',', '.')) * 100);
  let total = 0;
  for (const line of readFileSync(FIXTURE, 'utf8').split(/\r?\n/).slice(1)) {
    const cols = line.split('|');
    if ((cols[4] ?? '').trim().startsWith('411')) total += cents(cols[11] ?? '0') - cents(cols[12] ?? '0');
  }
  return total;
}

test('the dashboard sums the imported FEC: balance, cover, top exposures; fr and en', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  const importScreen = new ImportScreen(page);
  await importScreen.open(app);
  await importScreen.choose(FIXTURE.pathname);
  await expect(importScreen.doneHeading()).toBeVisible();

  const dashboard = new DashboardScreen(page);
  await dashboard.open(app);
  await expect(dashboard.kpi('exposure')).toBeVisible();
  // The FEC's receivables are TTC: the TTC balance line is the one to compare with the file.
  const expected = fixture411BalanceCents();
  expect(expected).toBeGreaterThan(0);
  await expect.poll(() => dashboard.receivableTtcCents()).toBe(expected);
  // Exposure is on the policy's basis (HT by default); covered + uncovered make it whole.
  const exposure = await dashboard.exposureCents();
  expect((await dashboard.coveredCents()) + (await dashboard.uncoveredCents())).toBe(exposure);
  expect(exposure).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Balance âgée' })).toBeVisible();
  await expect(page.getByText('Aucun sinistre en cours')).toBeVisible();

  await expectNoSeriousA11yViolations(page, 'dashboard (fr)');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await saveScreenshot(page, `${SCREENSHOTS}/dashboard-fr.png`);

  await app.switchLanguage('EN');
  await expect(app.heading()).toHaveText('Dashboard');
  await expect(page.getByRole('heading', { level: 2, name: 'Aged receivables' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'dashboard (en)');
  await saveScreenshot(page, `${SCREENSHOTS}/dashboard-en.png`);

  // Keyboard: the first top exposure is a link that opens the buyer page.
  const first = dashboard.topExposureLinks().first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/buyers\/.+/);
});
