/**
 * The import in Chromium (browser mode): a real FEC imported through the worker, counts shown, data and
 * history surviving a reload, a re-import adding nothing, a malformed file listing its line numbers, and a
 * generated 200 000-line FEC completing.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFec } from '../support/fec-generator';
import { expect, test } from './fixtures';
import { ImportScreen } from './pages/import-page';
import { saveScreenshot } from './pages/app-shell';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const FIXTURE_NAME = '111111111FEC20221231.TXT';
const SCREENSHOTS = 'test-results/screenshots';

/** Distinct buyers of the fixture by a plain read: the CompAuxNum of its 411 lines. */
function fixtureBuyerCount(): number {
  const keys = new Set<string>();
  for (const line of readFileSync(FIXTURE, 'utf8').split(/\r?\n/).slice(1)) {
    const cols = line.split('|');
    if ((cols[4] ?? '').trim().startsWith('411')) keys.add((cols[6] ?? '').trim());
  }
  return keys.size;
}

test('a FEC imported in the worker shows its counts; history and data survive a reload; a re-import adds nothing', async ({
  app,
  page,
}) => {
  const screen = new ImportScreen(page);
  await app.open();
  await screen.open(app);
  await expect(page.getByRole('heading', { level: 2, name: 'Aucun import réalisé' })).toBeVisible();

  await screen.choose(FIXTURE.pathname);
  await expect(screen.doneHeading()).toBeVisible();
  const buyers = await screen.countsOf('Clients');
  expect(buyers).toEqual({ created: String(fixtureBuyerCount()), updated: '0', unchanged: '0' });
  await expect(screen.historyRow(FIXTURE_NAME)).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await saveScreenshot(page, `${SCREENSHOTS}/import-result.png`);

  await page.reload();
  await expect(app.heading()).toHaveText('Import');
  await expect(screen.historyRow(FIXTURE_NAME)).toBeVisible();
  await expect(screen.historyRow(FIXTURE_NAME)).toContainText('FEC');

  await screen.choose(FIXTURE.pathname);
  await expect(page.getByText(/Ce fichier a déjà été importé le .* : aucune donnée ajoutée\./)).toBeVisible();
  await expect(screen.history.locator('tbody tr')).toHaveCount(1);
});

test('a malformed FEC is refused with its line numbers and writes nothing', async ({ app, page }) => {
  const screen = new ImportScreen(page);
  await app.open();
  await screen.open(app);
  const header =
    'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
  const line = (date: string, account: string, aux: string, debit: string, credit: string): string =>
    [
      'VE',
      'Ventes',
      '1',
      date,
      account,
      'Compte',
      aux,
      aux,
      'F1',
      '',
      'Vente',
      debit,
      credit,
      '',
      '',
      '',
      '',
      '',
    ].join('\t');
  const text = [
    header,
    line('20240110', '411000', 'C1', '120,00', '0,00'),
    line('20241345', '706000', '', '0,00', '120,00'),
    line('20240111', '411000', 'C1', '60,00', '0,00'),
    line('20240111', '706000', '', '0,00', 'douze'),
  ].join('\n');
  await screen.choose({ name: 'ventes.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByText(/Fichier refusé/)).toBeVisible();
  expect(await screen.errorLines()).toEqual(['3', '5']);
  await saveScreenshot(page, `${SCREENSHOTS}/import-rejected.png`);
  await expect(page.getByRole('heading', { level: 2, name: 'Aucun import réalisé' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Aucun import réalisé' })).toBeVisible();
});

test('a generated 200 000-line FEC imports to completion', async ({ app, page }) => {
  test.setTimeout(180_000);
  const fec = generateFec({ lines: 200_000, seed: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'encours-e2e-'));
  const path = join(dir, '987654321FEC20251231.txt');
  writeFileSync(path, fec.bytes());
  const screen = new ImportScreen(page);
  await app.open();
  await screen.open(app);
  await screen.choose(path);
  await expect(page.getByRole('progressbar').or(screen.doneHeading())).toBeVisible();
  await expect(screen.doneHeading()).toBeVisible({ timeout: 170_000 });
  const buyers = await screen.countsOf('Clients');
  // The screen formats counts the French way (narrow no-break space between thousands).
  expect(buyers.created).toBe(new Intl.NumberFormat('fr-FR').format(fec.balancesCents.size));
});
