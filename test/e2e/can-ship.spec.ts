/**
 * « Puis-je livrer ? » as a new user: for an order that would exceed the limit, the screen shows the
 * uncovered part and the increase to request; the prefilled request is recorded and shows as pending in the
 * limits table. Axe and screenshots in French and English.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ImportScreen } from './pages/import-page';
import { CanShipScreen, LimitsScreen, centsOf, typedAmount } from './pages/limits-page';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const SCREENSHOTS = 'test-results/screenshots';
const BUYER = 'SARL LES JARDINS D';

test('an order over the limit shows the uncovered part and the increase; the prefilled request is recorded', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const importing = new ImportScreen(page);
  await app.open();
  await importing.open(app);
  await importing.choose(FIXTURE.pathname);
  await expect(importing.doneHeading()).toBeVisible();

  const limits = new LimitsScreen(page);
  await limits.open(app);
  const exposure = await limits.exposureOf(BUYER);
  const limit = Math.ceil(exposure / 100) * 100 + 1_000_00;
  await limits.recordDecision({ buyer: BUYER, granted: typedAmount(limit) });

  const canShip = new CanShipScreen(page);
  await canShip.open(app, BUYER);
  await canShip.check('5 000');
  // Hand computation: headroom = limit − exposure; uncovered = 5 000 € − headroom;
  // increase = exposure + 5 000 € − limit rounded up to the next 1 000 €.
  const headroom = limit - exposure;
  const uncovered = 5_000_00 - headroom;
  const increase = Math.ceil((exposure + 5_000_00 - limit) / 1_000_00) * 1_000_00;
  await expect(canShip.verdictHeading()).toContainText('Partiellement couvert');
  expect(centsOf(await canShip.verdictHeading().innerText())).toBe(uncovered);
  expect(await canShip.figure('Marge disponible')).toBe(headroom);
  expect(await canShip.figure('Part non couverte')).toBe(uncovered);
  expect(await canShip.figure('Encours actuel')).toBe(exposure);
  const ask = canShip.verdict.getByText(/^Demander une augmentation de limite de/);
  await expect(ask).toBeVisible();
  const [increaseText = '', requestedText = ''] = (await ask.innerText()).split('(');
  expect(centsOf(increaseText)).toBe(increase);
  expect(centsOf(requestedText)).toBe(limit + increase);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await expectNoSeriousA11yViolations(page, 'Puis-je livrer ?');
  await saveScreenshot(page, `${SCREENSHOTS}/can-ship-fr.png`);
  await app.switchLanguage('EN');
  await expect(canShip.verdictHeading()).toContainText('Partly covered');
  await saveScreenshot(page, `${SCREENSHOTS}/can-ship-en.png`);
  await app.switchLanguage('FR');

  // The prefilled request, opened and recorded with the keyboard.
  await canShip.verdict.getByRole('button', { name: 'Préparer la demande' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Type de décision' })).toHaveValue('Demande');
  expect(centsOf(`${await dialog.getByLabel('Montant demandé').inputValue()},00 €`)).toBe(limit + increase);
  await saveScreenshot(page, `${SCREENSHOTS}/can-ship-request-fr.png`);
  await dialog.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(dialog).toBeHidden();

  await limits.open(app);
  await limits.showLimits();
  await page.getByRole('textbox', { name: 'Rechercher un client' }).fill(BUYER);
  await expect(limits.limitRow(BUYER)).toContainText('demandés le 25/11/2026');
});
