/**
 * Broker mode, as a broker uses it: the diagnostic of a prospect's FEC (the figures on screen are those the
 * CLI prints for the same file and date, read from `encours diagnose --format json` run here), switching
 * between client workspaces, presentation mode masking buyer names, and resetting the demo.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { BrokerPage, centsOf, numberOf } from './pages/broker-page';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FEC = fileURLToPath(new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url));
const SCREENSHOTS = 'test-results/screenshots';

const aging = z.object({
  notDue: z.number(),
  days1To30: z.number(),
  days31To60: z.number(),
  days61To90: z.number(),
  over90: z.number(),
  unappliedCents: z.number(),
});
const cliDiagnosis = z.object({
  asOf: z.string(),
  buyers: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      openBalanceCents: z.number(),
      overdueCents: z.number(),
      exposureCents: z.number(),
    }),
  ),
  total: z.object({
    buyers: z.number(),
    openBalanceCents: z.number(),
    overdueCents: z.number(),
    exposureCents: z.number(),
    aboveUnnamedThresholdCents: z.number(),
    buyersAboveUnnamedThreshold: z.number(),
    dsoDays: z.number(),
    top10ShareBp: z.number(),
    alertCounts: z.record(z.string(), z.number()),
    aging,
  }),
  premium: z.object({ annualCents: z.number() }),
});

/** What `encours diagnose` prints for the fixture on the e2e clock's day (2026-11-25). */
function cliFigures(): z.infer<typeof cliDiagnosis> {
  const stdout = execFileSync(
    'npx',
    ['tsx', 'cli/encours.ts', 'diagnose', FEC, '--as-of', '2026-11-25', '--format', 'json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return cliDiagnosis.parse(JSON.parse(stdout));
}

test.describe.configure({ timeout: 180_000 });

test("a prospect's FEC is diagnosed with the CLI's figures, in a new workspace a broker can open", async ({
  app,
  page,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const cli = cliFigures();
  const broker = new BrokerPage(page);
  await app.open();
  await broker.expectCurrentWorkspace('Mon entreprise');
  await broker.openDiagnostic(app);
  await expectNoSeriousA11yViolations(page, 'diagnostic (empty)');
  await broker.diagnose(FEC);
  await expect(broker.nameField()).toHaveValue('Prospect SIREN 111111111');
  await broker.importAndAnalyse();
  await expect(
    page.getByRole('heading', { name: 'Dossier « Prospect SIREN 111111111 » créé' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Diagnostic du poste clients au 25/11/2026' }),
  ).toBeVisible();

  // Headline figures.
  expect(centsOf(await broker.figure('diag-open').innerText())).toBe(cli.total.openBalanceCents);
  expect(centsOf(await broker.figure('diag-overdue').innerText())).toBe(cli.total.overdueCents);
  expect(numberOf(await broker.figure('diag-dso').innerText())).toBe(cli.total.dsoDays);
  expect(centsOf(await broker.figure('diag-premium').innerText())).toBe(cli.premium.annualCents);
  // Aging, bucket by bucket.
  for (const bucket of ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const)
    expect(await broker.agingCents(bucket), bucket).toBe(cli.total.aging[bucket]);
  expect(await broker.agingCents('unapplied')).toBe(cli.total.aging.unappliedCents);
  // Exposure, limits to request, concentration.
  expect(centsOf(await broker.figure('diag-exposure-total').innerText())).toBe(cli.total.exposureCents);
  expect(centsOf(await broker.figure('diag-above').innerText())).toBe(cli.total.aboveUnnamedThresholdCents);
  expect(numberOf(await broker.figure('diag-limits').innerText())).toBe(
    cli.total.buyersAboveUnnamedThreshold,
  );
  // Shown to one decimal, as the CLI's text report prints it (94,48 % → « 94,5 % »).
  expect(numberOf(await broker.figure('diag-concentration').innerText())).toBe(
    Math.round(cli.total.top10ShareBp / 10) / 10,
  );
  // Alerts summary.
  for (const [code, count] of Object.entries(cli.total.alertCounts))
    expect(await broker.alertCount(code), code).toBe(count);
  // Top buyers: the CLI's first ten, in its order.
  expect(await broker.topBuyers()).toEqual(
    cli.buyers.slice(0, 10).map((b) => ({
      key: b.key,
      balance: b.openBalanceCents,
      overdue: b.overdueCents,
      exposure: b.exposureCents,
    })),
  );
  await saveScreenshot(page, `${SCREENSHOTS}/broker-diagnostic-fr.png`);
  await expectNoSeriousA11yViolations(page, 'diagnostic (result)');
  await app.switchLanguage('EN');
  await expect(page.getByRole('heading', { name: 'Receivables diagnostic as of 25/11/2026' })).toBeVisible();
  await saveScreenshot(page, `${SCREENSHOTS}/broker-diagnostic-en.png`);
  await app.switchLanguage('FR');

  // The open workspace was not touched; « Ouvrir ce dossier » switches to the prospect's.
  await broker.expectCurrentWorkspace('Mon entreprise');
  await page.getByRole('button', { name: 'Ouvrir ce dossier' }).click();
  await broker.expectCurrentWorkspace('Prospect SIREN 111111111');
  await app.goTo('Clients');
  const first = cli.buyers[0];
  if (first === undefined) throw new Error('the fixture has buyers');
  await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();

  // Presentation mode with names masked: no real name left on the Clients page.
  await broker.setPresentation({ on: true, maskNames: true });
  await expect(page.getByRole('link', { name: first.name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Client [A-Z]{2}\d{4}$/ }).first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText(first.name);
  // Larger type: the root font size grows.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('19px');
  await saveScreenshot(page, `${SCREENSHOTS}/broker-presentation-fr.png`);
  await expectNoSeriousA11yViolations(page, 'clients in presentation mode');
  await app.switchLanguage('EN');
  await saveScreenshot(page, `${SCREENSHOTS}/broker-presentation-en.png`);
  await app.switchLanguage('FR');
  // A device setting: it survives a reload; switching it off shows the names again.
  await page.reload();
  await expect(page.getByRole('link', { name: /^Client [A-Z]{2}\d{4}$/ }).first()).toBeVisible();
  await broker.setPresentation({ on: false, maskNames: true });
  await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
});

test('a broker switches between two client workspaces from the header', async ({ app, page }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The header must still fit a 1280 px wide screen with the switcher in it.
  await page.setViewportSize({ width: 1280, height: 800 });
  const broker = new BrokerPage(page);
  await app.open();
  await broker.expectCurrentWorkspace('Mon entreprise');
  await broker.createWorkspace('Menuiserie Dupont SAS');
  await expect(app.heading()).toHaveText('Tableau de bord');
  await broker.openSwitcher();
  await expect(broker.menuItem('Mon entreprise')).toBeVisible();
  await saveScreenshot(page, `${SCREENSHOTS}/broker-switcher-fr.png`);
  await expectNoSeriousA11yViolations(page, 'switcher open');
  await broker.closeSwitcher();
  await broker.switchTo('Mon entreprise');
  await broker.switchTo('Menuiserie Dupont SAS');

  await app.switchLanguage('EN');
  await broker.openSwitcher();
  await expect(broker.menuItem('New client workspace…')).toBeVisible();
  await saveScreenshot(page, `${SCREENSHOTS}/broker-switcher-en.png`);
  await broker.closeSwitcher();
  await app.switchLanguage('FR');

  // The open workspace cannot be deleted; another one can, once its name is typed back.
  await broker.openSwitcher();
  await broker.menuItem('Gérer les dossiers').click();
  const dialog = page.getByRole('dialog', { name: 'Gérer les dossiers clients' });
  await expect(dialog.getByRole('button', { name: /Supprimer — Menuiserie Dupont SAS/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await dialog.getByRole('button', { name: 'Supprimer — Mon entreprise' }).click();
  const confirm = dialog.getByRole('button', { name: 'Supprimer définitivement' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/tapez le nom du dossier/).fill('Mon entreprise');
  await saveScreenshot(page, `${SCREENSHOTS}/broker-delete-fr.png`);
  await confirm.click();
  await expect(page.getByText('Dossier « Mon entreprise » supprimé.')).toBeVisible();
  await expect(dialog.getByRole('rowheader')).toHaveCount(1);
});

test('the demo workspace is reset from the switcher: a fresh one replaces it', async ({ app, page }) => {
  const broker = new BrokerPage(page);
  await app.open();
  await app.goTo('Paramètres');
  await page.getByRole('button', { name: 'Créer un dossier de démonstration' }).click();
  await expect(broker.switcher).toHaveAccessibleName(/: Démonstration —/, { timeout: 90_000 });
  const before = await page.evaluate(() => localStorage.getItem('encours.lastWorkspaceId'));
  await broker.openSwitcher();
  await broker.menuItem('Réinitialiser la démonstration').click();
  const dialog = page.getByRole('dialog', { name: 'Réinitialiser la démonstration ?' });
  await expect(dialog).toContainText('Vos autres dossiers ne sont pas touchés');
  await dialog.getByRole('button', { name: 'Réinitialiser' }).click();
  await expect
    .poll(
      // The page reloads on the new demo: a read during the reload just counts as « not yet ».
      () => page.evaluate(() => localStorage.getItem('encours.lastWorkspaceId')).catch(() => before),
      { timeout: 90_000 },
    )
    .not.toBe(before);
  await expect(broker.switcher).toHaveAccessibleName(/: Démonstration —/, { timeout: 30_000 });
  // Exactly one demo left, beside the user's own workspace.
  await broker.openSwitcher();
  await broker.menuItem('Gérer les dossiers').click();
  const manage = page.getByRole('dialog', { name: 'Gérer les dossiers clients' });
  await expect(manage.getByRole('rowheader')).toHaveText([/Démonstration/, /Mon entreprise/]);
});
