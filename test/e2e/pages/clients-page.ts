/**
 * Page models of the Clients list and of a buyer page. The list is virtualised (only the rows in view exist
 * in the DOM), so `allRows` scrolls the table from top to bottom and gathers every row once.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export type ClientListRow = {
  /** The buyer id, from the row's link (`#/buyers/<encoded id>`). */
  readonly buyerId: string;
  readonly name: string;
  readonly exposureCents: number;
  readonly limitCents: number;
};

/** "1 234,56 €" (any spaces, minus sign) → 123456. */
export function centsOf(text: string): number {
  const cleaned = text.replace(/[^\d,\-−]/g, '').replace('−', '-');
  const [units = '0', decimals = '00'] = cleaned.split(',');
  const sign = units.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(units)) * 100 + Number(decimals.padEnd(2, '0').slice(0, 2)));
}

export class ClientsScreen {
  readonly table: Locator;
  readonly scroller: Locator;
  readonly summary: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: /Clients : encours|Buyers: exposure/ });
    this.scroller = page.getByTestId('clients-scroll');
    this.summary = page.getByTestId('clients-summary');
    this.search = page.getByRole('searchbox', { name: /Rechercher un client|Search buyers/ });
  }

  async open(app: AppShellPage): Promise<void> {
    await app.goTo('Clients');
    await expect(app.heading()).toHaveText('Clients');
    await expect(this.table).toBeVisible();
  }

  private async visibleRows(): Promise<ClientListRow[]> {
    const raw = await this.table.locator('tbody tr').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const link = row.querySelector('a');
        const cells = row.querySelectorAll('td');
        if (link === null) return [];
        return [
          {
            href: link.getAttribute('href') ?? '',
            name: link.textContent,
            exposure: cells[2]?.textContent ?? '',
            limit: cells[3]?.textContent ?? '',
          },
        ];
      }),
    );
    return raw.map((row) => ({
      buyerId: decodeURIComponent(row.href.replace(/^#?\/buyers\//, '')),
      name: row.name,
      exposureCents: centsOf(row.exposure),
      limitCents: centsOf(row.limit),
    }));
  }

  /** Every row of the list, scrolling through the virtualised table. */
  async allRows(): Promise<ClientListRow[]> {
    const seen = new Map<string, ClientListRow>();
    await this.scroller.evaluate((element) => {
      element.scrollTo(0, 0);
    });
    for (;;) {
      for (const row of await this.visibleRows()) seen.set(row.buyerId, row);
      const isAtEnd = await this.scroller.evaluate(async (element) => {
        const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
        element.scrollBy(0, element.clientHeight * 0.8);
        // Two frames: the scroll event, then the virtualizer's render.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return atEnd;
      });
      if (isAtEnd) break;
    }
    return [...seen.values()];
  }

  /** The shown / total counts and amounts of the summary line, as cents. */
  async totalExposureCents(): Promise<number> {
    const text = (await this.summary.textContent()) ?? '';
    const match = /(?:encours total|total exposure) (.+?) ·/.exec(text);
    return centsOf(match?.[1] ?? '');
  }
}

export class BuyerScreen {
  constructor(readonly page: Page) {}

  async open(buyerId: string): Promise<void> {
    await this.page.goto(`./#/buyers/${encodeURIComponent(buyerId)}`);
    await expect(this.page.getByRole('tab', { name: /Identité|Identity/ })).toBeVisible();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A key figure of the header by its label (« Encours », « Solde comptable TTC »…), in cents. */
  async figureCents(label: string): Promise<number> {
    const value = this.page
      .locator('dl > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
    await expect(value).toHaveCount(1);
    return centsOf((await value.textContent()) ?? '');
  }

  /** The value of an identity field (« SIREN », « Code NAF (APE) »…). */
  identityField(label: string): Locator {
    return this.page
      .locator('dl > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }

  async openTab(name: RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
