/**
 * Clients and buyer pages on a real FEC imported through the Import page (fixed clock: 2026-11-25).
 *
 * What is compared, and why these figures:
 * - The list's « Encours » of each buyer is the exposure on the policy's basis (HT by default) on
 *   2026-11-25; `encours diagnose --as-of 2026-11-25 --format json` prints the same figure (`exposureCents`)
 *   with the same default policy, so the two must agree buyer by buyer, and the summary's total with the sum.
 * - Each buyer page's « Solde comptable TTC » is the balance of the buyer's 411 account (invoices − credit
 *   notes − payments, VAT included, signed); diagnose prints it as `openBalanceCents`. Their sum over the
 *   buyers must equal a plain Σ(Debit − Credit) of the file's 411 lines, computed here from the raw text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { BuyerScreen, ClientsScreen } from './pages/clients-page';
import { ImportScreen } from './pages/import-page';

const FIXTURE = fileURLToPath(
  new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url),
);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AS_OF = '2026-11-25';
const SCREENSHOTS = 'test-results/screenshots';

type Diagnosed = { key: string; name: string; openBalanceCents: number; exposureCents: number };

function diagnoseFixture(): { buyers: Diagnosed[]; totalExposureCents: number; totalBalanceCents: number } {
  const stdout = execFileSync(
    'npx',
    ['tsx', 'cli/encours.ts', 'diagnose', FIXTURE, '--as-of', AS_OF, '--format', 'json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== 'object' || parsed === null || !('buyers' in parsed) || !('total' in parsed)) {
    throw new Error('unexpected diagnose output');
  }
  const buyers = (parsed.buyers as Diagnosed[]).map((b) => ({
    key: b.key,
    name: b.name,
    openBalanceCents: b.openBalanceCents,
    exposureCents: b.exposureCents,
  }));
  const total = parsed.total as { exposureCents: number; openBalanceCents: number };
  expect(parsed).toMatchObject({ asOf: AS_OF, basis: 'HT' });
  return { buyers, totalExposureCents: total.exposureCents, totalBalanceCents: total.openBalanceCents };
}

/** Σ(Debit − Credit) in cents over the lines whose CompteNum starts with 411, from the raw file. */
function plainSumOf411(): number {
  const lines = readFileSync(FIXTURE, 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const separator = (lines[0] ?? '').includes('\t') ? '\t' : '|';
  const header = (lines[0] ?? '').split(separator).map((name) => name.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const cents = (raw: string | undefined) => Math.round(Number((raw ?? '0').trim().replace(',', '.')) * 100);
  let sum = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(separator);
    if (!(cells[column('comptenum')] ?? '').trim().startsWith('411')) continue;
    sum += cents(cells[column('debit')]) - cents(cells[column('credit')]);
  }
  return sum;
}

/** Buyer ids of a FEC import are `fec:<SIREN of the file>:<buyer account>` (shared/import/fec-receivables.ts). */
const keyOf = (buyerId: string) => buyerId.split(':').at(-1) ?? buyerId;

test('the Clients list and the buyer pages agree with `encours diagnose` and with the 411 lines of the FEC', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const diagnosis = diagnoseFixture();
  const plainSum = plainSumOf411();
  expect(diagnosis.totalBalanceCents).toBe(plainSum);

  await app.open();
  const importScreen = new ImportScreen(page);
  await importScreen.open(app);
  await importScreen.choose(FIXTURE);
  await expect(importScreen.doneHeading()).toBeVisible();

  const clients = new ClientsScreen(page);
  await clients.open(app);
  const rows = await clients.allRows();
  expect(rows).toHaveLength(diagnosis.buyers.length);
  const listed = new Map(rows.map((row) => [keyOf(row.buyerId), row]));
  for (const buyer of diagnosis.buyers) {
    expect(listed.get(buyer.key), `buyer ${buyer.key} ${buyer.name}`).toMatchObject({
      name: buyer.name,
      exposureCents: buyer.exposureCents,
    });
  }
  expect(await clients.totalExposureCents()).toBe(diagnosis.totalExposureCents);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await clients.scroller.evaluate((element) => {
    element.scrollTo(0, 0);
  });
  await expectNoSeriousA11yViolations(page, 'Clients');
  await saveScreenshot(page, `${SCREENSHOTS}/clients-list-fr.png`);

  // Every buyer page: the book balance is the diagnosis's, and the balances add up to the file's 411 lines.
  const buyerScreen = new BuyerScreen(page);
  let balances = 0;
  for (const row of rows) {
    await buyerScreen.open(row.buyerId);
    await expect(buyerScreen.heading()).toHaveText(row.name);
    const balance = await buyerScreen.figureCents('Solde comptable TTC');
    const expected = diagnosis.buyers.find((buyer) => buyer.key === keyOf(row.buyerId));
    expect(balance, `balance of ${row.name}`).toBe(expected?.openBalanceCents);
    balances += balance;
  }
  expect(balances).toBe(plainSum);

  // The largest account: identity and its invoices, all past due on 2026-11-25 (the file stops in 2023).
  const largest = diagnosis.buyers[0];
  if (largest === undefined) throw new Error('no buyer diagnosed');
  const largestRow = rows.find((row) => keyOf(row.buyerId) === largest.key);
  if (largestRow === undefined) throw new Error('largest buyer not listed');
  await buyerScreen.open(largestRow.buyerId);
  expect(await buyerScreen.figureCents('Encours')).toBe(largest.exposureCents);
  await expect(buyerScreen.identityField('Raison sociale')).toHaveText(largest.name);
  await expect(buyerScreen.identityField('SIREN')).toHaveText('Non renseigné');
  await expectNoSeriousA11yViolations(page, 'buyer page (identity)');
  await saveScreenshot(page, `${SCREENSHOTS}/clients-buyer-fr.png`);
  await buyerScreen.openTab(/^Factures/);
  const invoices = page.getByRole('table', { name: 'Factures' });
  await expect(invoices).toBeVisible();
  await expect(invoices.getByRole('row').nth(1)).toContainText('Échue');
  await expectNoSeriousA11yViolations(page, 'buyer page (invoices)');
  await saveScreenshot(page, `${SCREENSHOTS}/clients-buyer-invoices-fr.png`);
  await buyerScreen.openTab(/^Chronologie/);
  await expect(page.getByRole('list', { name: 'Chronologie' })).toBeVisible();
  await saveScreenshot(page, `${SCREENSHOTS}/clients-buyer-timeline-fr.png`);

  // English.
  await app.switchLanguage('EN');
  await buyerScreen.openTab(/^Identity/);
  await expect(buyerScreen.identityField('Company name')).toHaveText(largest.name);
  await expectNoSeriousA11yViolations(page, 'buyer page (English)');
  await saveScreenshot(page, `${SCREENSHOTS}/clients-buyer-en.png`);
  await app.goTo('Buyers');
  await expect(clients.table).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Buyers (English)');
  await saveScreenshot(page, `${SCREENSHOTS}/clients-list-en.png`);
});

test('the list sorts, searches and filters with the keyboard', async ({ app, page }) => {
  test.setTimeout(60_000);
  await app.open();
  const importScreen = new ImportScreen(page);
  await importScreen.open(app);
  await importScreen.choose(FIXTURE);
  await expect(importScreen.doneHeading()).toBeVisible();
  const clients = new ClientsScreen(page);
  await clients.open(app);
  const diagnosis = diagnoseFixture();

  const header = page.getByRole('columnheader', { name: /^Encours$/ });
  await header.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  // diagnose lists buyers by decreasing exposure: its first is the list's first.
  await expect(clients.table.locator('tbody tr a').first()).toHaveText(diagnosis.buyers[0]?.name ?? '');

  await clients.search.fill('leclerc');
  await expect(clients.summary).toContainText(/Clients affichés : \d+ sur 34/);
  for (const name of await clients.table.locator('tbody tr a').allTextContents()) {
    expect(name.toLowerCase()).toContain('leclerc');
  }
  await clients.search.fill('');
  // Mantine draws the chip over a visually hidden checkbox: reach it as a keyboard user does.
  const overdue = page.getByRole('checkbox', { name: 'Avec retard' });
  await overdue.focus();
  await page.keyboard.press('Space');
  await expect(overdue).toBeChecked();
  // On 2026-11-25 every open invoice of the file (2022–2023) is past due: the buyers with an exposure.
  const withExposure = diagnosis.buyers.filter((buyer) => buyer.exposureCents > 0).length;
  await expect(clients.summary).toContainText(`Clients affichés : ${withExposure} sur 34`);
  await clients.table.locator('tbody tr a').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Identité/ })).toBeVisible();
});
