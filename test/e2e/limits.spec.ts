/**
 * « Limites & alertes » as a new user: import the FEC, record a limit below a buyer's exposure and see the
 * « Limite dépassée » alert with the uncovered amount; record a reduction with a future effective date and
 * see « Puis-je livrer ? » use the old limit before that date and the new one from it, also once the clock
 * has moved past it. Keyboard use, axe, screenshots in French and English.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ImportScreen } from './pages/import-page';
import { CanShipScreen, LimitsScreen, typedAmount } from './pages/limits-page';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const SCREENSHOTS = 'test-results/screenshots';
/** A buyer of the fixture with an open balance (CompAuxLib of account 41104250). */
const BUYER = 'SARL LES JARDINS D';

test.beforeEach(async ({ app, page }) => {
  // Import + several screens: generous under a loaded machine.
  test.setTimeout(90_000);
  const importing = new ImportScreen(page);
  await app.open();
  await importing.open(app);
  await importing.choose(FIXTURE.pathname);
  await expect(importing.doneHeading()).toBeVisible();
});

test('a limit below the exposure raises « Limite dépassée » with the uncovered amount', async ({
  app,
  page,
}) => {
  const limits = new LimitsScreen(page);
  await limits.open(app);
  const exposure = await limits.exposureOf(BUYER);
  expect(exposure).toBeGreaterThan(100_00);

  await limits.recordDecision({ buyer: BUYER, granted: '100' });
  await limits.showAlerts();
  await limits.filterAlertsByBuyer(BUYER);
  // One row for the buyer; its amount at stake is the uncovered part, its alerts behind a toggle.
  const row = limits.alertBuyerRow(BUYER);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Limite dépassée');
  // Keyboard: the toggle opens the buyer's alerts with Enter.
  await limits.alertToggle(BUYER).focus();
  await page.keyboard.press('Enter');
  await expect(limits.alertToggle(BUYER)).toHaveAttribute('aria-expanded', 'true');
  const alert = limits.alert('Limite dépassée', BUYER);
  await expect(alert).toBeVisible();
  // Uncovered = exposure − 100 € limit, computed here from the exposure the table showed.
  expect(await limits.alertAmount('Limite dépassée', BUYER)).toBe(exposure - 100_00);
  await expect(alert).toContainText('Suspendre les livraisons non couvertes ou demander une augmentation');

  // Keyboard: acknowledge with Enter on the alert's button.
  await alert.getByRole('button', { name: 'Pris en compte' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Pris en compte (1)', { exact: true })).toBeVisible();
  await page.getByText('Pris en compte (1)', { exact: true }).click();
  await limits.expandAlerts(BUYER);
  await expect(limits.alert('Limite dépassée', BUYER)).toContainText('Prise en compte le 25/11/2026');
  await page.getByText(/^À traiter \(/).click();
  // Screenshots of one buyer's alerts (the whole portfolio's: demo-tour.spec.ts), its detail open.
  await limits.expandAlerts(BUYER);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await expectNoSeriousA11yViolations(page, 'Limites & alertes — Alertes');
  await saveScreenshot(page, `${SCREENSHOTS}/limits-alerts-fr.png`);
  await limits.showLimits();
  await expectNoSeriousA11yViolations(page, 'Limites & alertes — Limites');
  await saveScreenshot(page, `${SCREENSHOTS}/limits-table-fr.png`);
  await page.getByRole('button', { name: 'Nouvelle demande / décision' }).click();
  await expect(limits.dialog()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Limites & alertes — formulaire');
  await saveScreenshot(page, `${SCREENSHOTS}/limits-form-fr.png`);
  await page.keyboard.press('Escape');
  await expect(limits.dialog()).toBeHidden();

  await app.switchLanguage('EN');
  await limits.showAlerts();
  await expect(page.getByRole('columnheader', { name: 'Severity' })).toBeVisible();
  await saveScreenshot(page, `${SCREENSHOTS}/limits-alerts-en.png`);
});

test('a reduction with a future effective date changes the cover from that date', async ({ app, page }) => {
  const limits = new LimitsScreen(page);
  await limits.open(app);
  const exposure = await limits.exposureOf(BUYER);
  // Whole euros above the exposure, so that the amounts typed are round.
  const euros = Math.ceil(exposure / 100) * 100;
  const granted = euros + 2_000_00;
  const reduced = euros + 100_00;
  await limits.recordDecision({ buyer: BUYER, granted: typedAmount(granted) });
  await limits.recordDecision({
    buyer: BUYER,
    kind: 'Réduction',
    granted: typedAmount(reduced),
    effectiveDate: '28/12/2026',
  });

  const canShip = new CanShipScreen(page);
  await canShip.open(app, BUYER);
  // Before the effective date: the old limit; headroom granted − exposure ≥ 1 000 €.
  await canShip.check('1 000', '27/12/2026');
  await expect(canShip.verdictHeading()).toHaveText('Couvert');
  expect(await canShip.figure('Limite en vigueur au 27/12/2026')).toBe(granted);

  // From the effective date: the new limit; headroom reduced − exposure (< 1 000 €).
  await canShip.check('1 000', '28/12/2026');
  const uncovered = 1_000_00 - (reduced - exposure);
  await expect(canShip.verdictHeading()).toContainText('Partiellement couvert');
  expect(await canShip.figure('Limite en vigueur au 28/12/2026')).toBe(reduced);
  expect(await canShip.figure('Part non couverte')).toBe(uncovered);

  // The clock moves past the effective date: today's cover is the reduced limit.
  await page.clock.setFixedTime(new Date('2026-12-29T09:30:00+01:00'));
  await page.reload();
  await canShip.open(app, BUYER);
  await canShip.check('1 000');
  expect(await canShip.figure('Limite en vigueur au 29/12/2026')).toBe(reduced);
  await expect(canShip.verdictHeading()).toContainText('Partiellement couvert');
});
