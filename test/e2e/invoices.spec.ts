/**
 * The Factures journey in Chromium: a real FEC imported (buyers and their invoices), an invoice created
 * through the form, a partial payment and its effect on the open amount and status, the default worklist
 * order, a date filter typed JJ/MM/AAAA, the bucket filter, a sort by amount, keyboard navigation in the
 * grid, axe, and screenshots in French and English.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ImportScreen } from './pages/import-page';
import { InvoicesScreen } from './pages/invoices-page';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const SCREENSHOTS = 'test-results/screenshots';

/** "1 234,56 €" (any spaces) → cents, read the plain way: digits only, sign aside. */
function centsOf(text: string): number {
  return Number(text.replace(/[^\d-]/g, ''));
}

test('Factures: create, pay in part, filter by bucket, sort, keyboard, in French and English', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open();
  const importer = new ImportScreen(page);
  await importer.open(app);
  await importer.choose(FIXTURE.pathname);
  await expect(importer.doneHeading()).toBeVisible();

  const screen = new InvoicesScreen(page);
  await screen.open(app);
  await expect(screen.count).toContainText('factures affichées sur');
  const before = Number((await screen.count.innerText()).split(' sur ')[1]?.replace(/\D/g, ''));

  // 1 000,00 € HT → 1 200,00 € TTC at 20 %; due in the future, so not yet due.
  await screen.createInvoice({
    buyer: 'BOURGOIN DISTRIBUT',
    number: 'FA-E2E-0001',
    amountHt: '1 000,00',
    dueDate: '31/12/2026',
  });
  await expect(screen.count).toContainText(
    `sur ${(before + 1).toLocaleString('fr-FR')}`.replace(/\u202f/g, ' '),
  );
  await screen.search('FA-E2E');
  await expect(screen.dataRows()).toHaveCount(1);
  await expect(screen.row('FA-E2E-0001')).toContainText('1 200,00 €');
  await expect(screen.row('FA-E2E-0001')).toContainText('À échoir');

  // A payment of 500,00 € leaves 700,00 € open: partly paid.
  await screen.recordPayment('FA-E2E-0001', '500,00');
  await expect(page.getByRole('dialog').getByText('700,00 €')).toBeVisible();
  await screen.closeDrawer();
  await expect(screen.row('FA-E2E-0001')).toContainText('Partiellement réglée');
  await expect(screen.row('FA-E2E-0001')).toContainText('700,00 €');
  await page.getByRole('button', { name: 'Réinitialiser' }).click();

  // On opening (and after « Réinitialiser »): sorted by « Retard », most overdue first.
  await expect(screen.columnHeader('Retard')).toHaveAttribute('aria-sort', 'descending');
  // The grid re-sorts in a deferred render: wait for the new order before reading it.
  await expect.poll(async () => (await screen.columnTexts(7))[0]).not.toBe('—');
  const daysLate = (await screen.columnTexts(7)).map((text) => (text === '—' ? 0 : centsOf(text)));
  expect(daysLate[0]).toBeGreaterThan(0);
  expect(daysLate.every((days, i) => i === 0 || days <= (daysLate[i - 1] ?? 0))).toBe(true);

  // A date typed the French way, whatever the browser's language: issued from 1 June 2026. The FEC's
  // invoices are from 2022, so only ours (issued today, 25/11/2026) remains.
  await screen.filterDate('Émission du', '01/06/2026');
  await expect(page.getByRole('textbox', { name: 'Émission du', exact: true })).toHaveValue('01/06/2026');
  await expect(screen.count).toContainText('1 facture affichée sur');
  await expect(screen.row('FA-E2E-0001')).toBeVisible();
  await page.getByRole('button', { name: 'Réinitialiser' }).click();
  await expect(page.getByRole('textbox', { name: 'Émission du', exact: true })).toHaveValue('');

  // The "Non échu" bucket: only invoices not yet due remain, ours among them.
  await screen.bucket('Non échu').click();
  await expect(screen.bucket('Non échu')).toHaveAttribute('aria-pressed', 'true');
  await expect(screen.row('FA-E2E-0001')).toBeVisible();
  const lateness = await screen.columnTexts(7);
  expect(lateness.every((text) => text === '—')).toBe(true);
  await page.getByRole('button', { name: 'Réinitialiser' }).click();

  // Sort by amount, ascending then descending: the rendered amounts follow.
  await screen.sortBy('Montant TTC');
  await expect(screen.columnHeader('Montant TTC')).toHaveAttribute('aria-sort', 'ascending');
  const isSorted = (amounts: number[], sign: number): boolean =>
    amounts.length > 3 &&
    amounts.every((amount, i) => i === 0 || sign * (amount - (amounts[i - 1] ?? 0)) >= 0);
  await expect.poll(async () => isSorted((await screen.columnTexts(4)).map(centsOf), 1)).toBe(true);
  await screen.sortBy('Montant TTC');
  await expect(screen.columnHeader('Montant TTC')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => isSorted((await screen.columnTexts(4)).map(centsOf), -1)).toBe(true);

  // Keyboard: Tab from the last column header reaches the grid's current row; arrows move; Enter opens.
  await screen.columnHeader('Retard').getByRole('button').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-rowindex', '4');
  const number = (await focused.getByRole('gridcell').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `Facture ${number}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await expectNoSeriousA11yViolations(page, 'Factures');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await saveScreenshot(page, `${SCREENSHOTS}/invoices-fr.png`);
  await screen.search('FA-E2E');
  await screen.row('FA-E2E-0001').click();
  await expect(page.getByRole('dialog', { name: 'Facture FA-E2E-0001' })).toBeVisible();
  // axe measures colours as drawn: wait for the drawer's opening transition to end.
  await expect(page.getByRole('dialog', { name: 'Facture FA-E2E-0001' })).toHaveCSS('opacity', '1');
  await expectNoSeriousA11yViolations(page, 'Factures, invoice drawer');
  await page.screenshot({ path: `${SCREENSHOTS}/invoices-drawer-fr.png` });
  await screen.closeDrawer();
  await page.getByRole('button', { name: 'Réinitialiser' }).click();

  // The new-invoice form, its dates shown JJ/MM/AAAA (today, and the due date proposed from the terms).
  await page.getByRole('button', { name: 'Nouvelle facture' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle facture' });
  await expect(form.getByRole('textbox', { name: "Date d'émission" })).toHaveValue('25/11/2026');
  await expect(form).toHaveCSS('opacity', '1');
  await page.screenshot({ path: `${SCREENSHOTS}/invoices-form-fr.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await app.switchLanguage('EN');
  await expect(app.heading()).toHaveText('Invoices');
  await expect(screen.count).toContainText('invoices shown out of');
  await expectNoSeriousA11yViolations(page, 'Invoices (English)');
  await saveScreenshot(page, `${SCREENSHOTS}/invoices-en.png`);
});
