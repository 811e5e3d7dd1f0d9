/**
 * Simulateur de prime in Chromium: a broker compares three offers for domain.md example 5 and exports the PDF
 * (print media rendered by Chromium, its text read back with pdfjs-dist); the turnover declaration of an imported
 * FEC exported as CSV, whose total is the plain sum of its rows. Expected figures are computed by hand below.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ImportScreen } from './pages/import-page';
import { PremiumScreen, plainSpaces } from './pages/premium-page';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const SCREENSHOTS = 'test-results/screenshots';

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  return plainSpaces(parts.join(' '));
}

test.beforeEach(async ({ page }) => {
  // The print dialog would block headless Chromium: the document stays mounted for page.pdf() to render.
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
});

test('a broker compares three offers for example 5 and exports the PDF with the same figures', async ({
  app,
  page,
}) => {
  // Three offers typed, two accessibility passes and a PDF rendering: longer than the default 30 s.
  test.setTimeout(120_000);
  const screen = new PremiumScreen(page);
  await app.open();
  await screen.open(app);
  await screen.fillFirm({ turnover: '2000000', creditShare: '80', buyers: '40', namedBuyers: '15' });
  // Offer A is the default policy (0,30 %, 3 650 € minimum, 60 € per named buyer, 25 ×, 90 %): example 5.
  await screen.addOffer();
  await screen.setOffer('B', { rate: '0,25', minimum: '4500', fee: '50', multiple: '30' });
  await screen.addOffer();
  await screen.setOffer('C', { rate: '0,4', minimum: '3000', fee: '0', multiple: '20', quotity: '80' });

  // By hand, insurable 2 000 000 × 80 % = 1 600 000:
  // A: 0,30 % → 4 800 > 3 650; + 15 × 60 = 900 → 5 700; /12 = 475,00; /365 = 15,616 → 15,62; 25 × 4 800 = 120 000.
  // B: 0,25 % → 4 000 < 4 500 → 4 500; + 15 × 50 = 750 → 5 250; /12 = 437,50; /365 = 14,383 → 14,38; 30 × 4 500 = 135 000.
  // C: 0,40 % → 6 400; no fee → 6 400; /12 = 533,33; /365 = 17,534 → 17,53; 20 × 6 400 = 128 000.
  await expect
    .poll(() => screen.resultRow('Prime annuelle totale'))
    .toEqual(['5 700,00 €', '5 250,00 €', '6 400,00 €']);
  expect(await screen.resultRow('Par mois')).toEqual(['475,00 €', '437,50 €', '533,33 €']);
  expect(await screen.resultRow('Par jour')).toEqual(['15,62 €', '14,38 €', '17,53 €']);
  expect(await screen.resultRow("Plafond d'indemnisation")).toEqual([
    '120 000,00 €',
    '135 000,00 €',
    '128 000,00 €',
  ]);
  // Expected loss 7 × 9 400 = 65 800, under every plafond: covered 90 % = 59 220 (A, B), 80 % = 52 640 (C).
  expect(await screen.resultRow('Perte attendue prise en charge')).toEqual([
    '59 220,00 €',
    '59 220,00 €',
    '52 640,00 €',
  ]);
  // Net cost: A 5 700 − 59 220 = −53 520; B 5 250 − 59 220 = −53 970 (lowest); C 6 400 − 52 640 = −46 240.
  await expect(screen.columnHeaders().filter({ hasText: 'Meilleure offre' })).toContainText('Offre B');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await expectNoSeriousA11yViolations(page, 'Simulateur de prime');
  await saveScreenshot(page, `${SCREENSHOTS}/premium-simulation-fr.png`);

  await page.getByRole('button', { name: 'Exporter en PDF pour le prospect' }).click();
  await page.emulateMedia({ media: 'print' });
  const text = await pdfText(await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  expect(text).toContain("Simulation de prime d'assurance-crédit");
  for (const figure of [
    '5 700,00 €',
    '15,62 €',
    '120 000,00 €',
    '5 250,00 €',
    '14,38 €',
    '135 000,00 €',
    '6 400,00 €',
    '17,53 €',
    '128 000,00 €',
    '65 800,00 €',
  ]) {
    expect(text, `the PDF shows ${figure}`).toContain(figure);
  }
  expect(text).toContain('Estimation indicative, non contractuelle');

  await app.switchLanguage('EN');
  await expect(page.getByRole('heading', { name: 'Results by offer' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Premium simulator (English)');
  await saveScreenshot(page, `${SCREENSHOTS}/premium-simulation-en.png`);
});

test('a scenario is saved, reloaded and deleted after confirmation', async ({ app, page }) => {
  const screen = new PremiumScreen(page);
  await app.open();
  await screen.open(app);
  await screen.fillFirm({ turnover: '2000000', creditShare: '80', buyers: '40', namedBuyers: '15' });
  await page.getByLabel('Nom du scénario').fill('Prospect Durand');
  await page.getByRole('button', { name: 'Enregistrer le scénario' }).click();
  await page.reload();
  await screen.open(app);
  await page.getByRole('button', { name: 'Charger le scénario Prospect Durand' }).click();
  await expect.poll(() => screen.resultRow('Prime annuelle totale')).toEqual(['5 700,00 €']);
  await page.getByRole('button', { name: 'Supprimer le scénario Prospect Durand' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(page.getByText('Aucun scénario enregistré.')).toBeVisible();
});

test('the declaration of an imported FEC: the CSV total is the plain sum of its rows and the page total', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const importer = new ImportScreen(page);
  await app.open();
  await importer.open(app);
  await importer.choose(FIXTURE.pathname);
  await expect(importer.doneHeading()).toBeVisible();

  const screen = new PremiumScreen(page);
  await screen.open(app);
  await screen.openDeclaration();
  await screen.choosePeriod('Trimestre', '2023', '2e trimestre');
  await expect(page.getByText('Du 01/04/2023 au 30/06/2023')).toBeVisible();
  await expect(page.getByTestId('turnover-by-country')).toBeVisible();
  const pageTotal = plainSpaces(await page.getByTestId('turnover-total').innerText());

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('declaration-ca-2023-04-01-2023-06-30.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Type;Numéro;Date;Client;Pays;Zone;Montant HT (€)');
  const rows = lines.slice(1).map((line) => line.split(';'));
  const toCents = (text: string): number => Math.round(Number(text.replace(',', '.')) * 100);
  const documents = rows.filter((cells) => cells[0] === 'Facture' || cells[0] === 'Avoir');
  expect(documents.length).toBeGreaterThan(0);
  const sum = documents.reduce((total, cells) => total + toCents(cells.at(-1) ?? ''), 0);
  const totalRow = rows.find((cells) => cells[0] === 'Total');
  expect(toCents(totalRow?.at(-1) ?? '')).toBe(sum);
  // The page shows the same total in the fr-FR format: 1234,56 → « 1 234,56 € ».
  const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(sum / 100);
  expect(pageTotal).toBe(plainSpaces(euros));
  // Premium of the period at 0,30 %, by hand from the sum.
  const premium = Math.round((sum * 30) / 10_000);
  const premiumText = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(
    premium / 100,
  );
  await expect(page.getByTestId('turnover-premium')).toHaveText(premiumText);

  await page.getByRole('button', { name: 'Exporter en PDF' }).click();
  await page.emulateMedia({ media: 'print' });
  const text = await pdfText(await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  expect(text).toContain("Déclaration de chiffre d'affaires");
  expect(text).toContain(plainSpaces(euros));

  mkdirSync(SCREENSHOTS, { recursive: true });
  await expectNoSeriousA11yViolations(page, "Déclaration de chiffre d'affaires");
  await saveScreenshot(page, `${SCREENSHOTS}/premium-declaration-fr.png`);
  await app.switchLanguage('EN');
  await expect(page.getByRole('heading', { name: /By country/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Turnover declaration (English)');
  await saveScreenshot(page, `${SCREENSHOTS}/premium-declaration-en.png`);
});
