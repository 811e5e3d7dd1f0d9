/**
 * Page models of the letters: the preview modal (letter date, ECB rate of a half-year missing from the table,
 * « Enregistrer en PDF »), the « Votre entreprise » card of Paramètres, and reading back the PDF Chromium
 * renders from the print media (the document stays mounted in `#print-root` after printing).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every run of white space (incl. the narrow no-break space of fr-FR amounts) as one plain space. */
export function plainSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export class LetterPreview {
  readonly dialog: Locator;
  readonly sheet: Locator;

  constructor(
    readonly page: Page,
    title: string | RegExp,
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
    this.sheet = this.dialog.getByRole('region', { name: /Aperçu de la lettre|Letter preview/ });
  }

  async setDate(text: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: /Date de la lettre|Letter date/ }).fill(text);
  }

  /** The ECB rate field of a half-year missing from the table (« 1er semestre 2023 »). */
  ecbRate(halfYearLabel: string): Locator {
    return this.dialog.getByRole('textbox', {
      name: new RegExp(`(Taux de la BCE|ECB rate), ${halfYearLabel}`),
    });
  }

  savePdfButton(): Locator {
    return this.dialog.getByRole('button', { name: /Enregistrer en PDF|Save as PDF/ });
  }

  async savePdf(): Promise<void> {
    await expect(this.savePdfButton()).toBeEnabled();
    await this.savePdfButton().click();
  }
}

/** Renders the page under print media (only `#print-root` shows) and returns the PDF's text. */
export async function printedPdf(page: Page): Promise<{ readonly bytes: Buffer; readonly text: string }> {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const document = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  return { bytes, text: plainSpaces(parts.join(' ')) };
}

export class CompanyCardModel {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: /Votre entreprise|Your company/ });
  }

  field(label: string): Locator {
    return this.card.getByRole('textbox', { name: label, exact: true });
  }

  /** The card alone, centred in the window so the fixed header does not cover its title. */
  async screenshot(path: string): Promise<void> {
    await this.card.evaluate((element) => {
      element.scrollIntoView({ block: 'center' });
    });
    await this.card.screenshot({ path, animations: 'disabled' });
  }

  async save(): Promise<void> {
    await this.card.getByRole('button', { name: "Enregistrer l'entreprise", exact: true }).click();
    await expect(this.page.getByText('Votre entreprise est enregistrée.')).toBeVisible();
  }
}
