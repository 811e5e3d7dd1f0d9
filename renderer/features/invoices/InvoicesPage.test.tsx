import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../shared/commands/registry';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { runCommand } from '../../db/run-command';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { InvoicesPage } from './InvoicesPage';

const TODAY = '2026-11-25';
const CTX = { actor: 'test', today: TODAY, now: '2026-11-25T09:00:00.000Z' };

// jsdom lays nothing out: give scroll boxes a height so the virtualizer renders the rows that "fit".
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  await initI18n('fr');
});
afterAll(() => {
  if (clientHeight !== undefined) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

async function seeded(): Promise<AppDB> {
  const db = await openAppDb(`invoices-${crypto.randomUUID()}`);
  await runCommand(db, commands.createBuyer, { id: 'b1', name: 'Dupont SAS', paymentTermsDays: 45 }, CTX);
  await runCommand(
    db,
    commands.recordInvoice,
    {
      id: 'i-old',
      buyerId: 'b1',
      number: 'FA-0001',
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
      amountHtCents: 100_000,
      amountTtcCents: 120_000,
      currency: 'EUR',
    },
    CTX,
  );
  return db;
}

function renderPage(db: AppDB, path = '/invoices') {
  return render(
    <MantineProvider>
      <Notifications />
      <MemoryRouter initialEntries={[path]}>
        <WorkspaceProvider workspace={{ db, actor: 'Marie', today: TODAY }}>
          <InvoicesPage />
        </WorkspaceProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

async function rowOf(number: string): Promise<HTMLElement> {
  // Generous timeouts: a write reloads the snapshot and rebuilds the model before the row changes.
  const grid = await screen.findByRole('grid', { name: 'Liste des factures' }, { timeout: 5000 });
  return within(grid).findByRole('row', { name: new RegExp(number) }, { timeout: 5000 });
}

// Form journeys type into several fields and wait for a live reload: slow under a loaded CI machine.
describe('Factures page', { timeout: 20_000 }, () => {
  it('shows the empty state when there is no invoice', async () => {
    const db = await openAppDb(`invoices-${crypto.randomUUID()}`);
    renderPage(db);
    expect(
      await screen.findByRole('heading', { level: 2, name: "Aucune facture pour l'instant" }),
    ).toBeTruthy();
  });

  it('lists an overdue invoice with its open amount, days late and aging', async () => {
    const db = await seeded();
    renderPage(db);
    const row = await rowOf('FA-0001');
    // Due 1 Oct, today 25 Nov: 30 (Oct) + 25 = 55 days late → 31–60 bucket; nothing paid: 1 200,00 € open.
    expect(row.textContent).toContain('Échue');
    expect(row.textContent).toContain('55 j');
    expect(row.textContent).toContain('1\u202f200,00\u00a0€');
    expect(screen.getByRole('status').textContent).toBe('1 facture affichée sur 1');
    const bucket = screen.getByRole('button', { name: /31–60 j/ });
    expect(bucket.textContent).toContain('1\u202f200,00\u00a0€');
  });

  it('creates an invoice through the form: due date from the terms, TTC at 20 %, row in the grid', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderPage(db, '/invoices?buyer=b1');
    await user.click(await screen.findByRole('button', { name: 'Nouvelle facture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle facture' });
    await user.type(within(dialog).getByLabelText(/N° de facture/), 'FA-0002');
    await user.type(within(dialog).getByLabelText(/Montant HT/), '1 234,50');
    // 1 234,50 × 1,2 = 1 481,40.
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Montant TTC/).value).toBe('1 481,40');
    // 25 Nov + 45 days net = 9 Jan 2027 (5 days of Nov + 31 of Dec + 9).
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Échéance/).value).toBe('2027-01-09');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const row = await rowOf('FA-0002');
    expect(row.textContent).toContain('À échoir');
    expect(row.textContent).toContain('1\u202f481,40\u00a0€');
    const stored = (await db.invoices.toArray()).find((invoice) => invoice.number === 'FA-0002');
    expect([stored?.buyerId, stored?.amountHtCents, stored?.amountTtcCents]).toEqual([
      'b1',
      123_450,
      148_140,
    ]);
  });

  it('names the field in a validation message', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderPage(db, '/invoices?buyer=b1');
    await user.click(await screen.findByRole('button', { name: 'Nouvelle facture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle facture' });
    await user.type(within(dialog).getByLabelText(/Montant HT/), 'douze');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('« N° de facture » est obligatoire.')).toBeTruthy();
    expect(within(dialog).getByText('« Montant HT » : montant illisible (exemple : 1 234,56).')).toBeTruthy();
  });

  it('a payment of the whole open amount makes the invoice « Payée »', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderPage(db);
    await user.click(await rowOf('FA-0001'));
    const dialog = await screen.findByRole('dialog', { name: 'Facture FA-0001' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer un règlement' }));
    const form = await screen.findByRole('dialog', { name: 'Règlement de la facture FA-0001' });
    // Prefilled with the open amount.
    expect(within(form).getByLabelText<HTMLInputElement>(/Montant réglé/).value).toBe('1 200,00');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(
      async () => {
        expect((await rowOf('FA-0001')).textContent).toContain('Payée');
      },
      { timeout: 5000 },
    );
    expect((await rowOf('FA-0001')).textContent).toContain('0,00\u00a0€');
    const [stored] = await db.payments.toArray();
    expect([stored?.invoiceId, stored?.amountCents, stored?.date]).toEqual(['i-old', 120_000, TODAY]);
  });

  it('marks a dispute after confirmation, and refuses to delete an invoice with a payment', async () => {
    const db = await seeded();
    await runCommand(
      db,
      commands.recordPayment,
      {
        id: 'p1',
        buyerId: 'b1',
        invoiceId: 'i-old',
        date: '2026-11-01',
        amountCents: 20_000,
        currency: 'EUR',
      },
      CTX,
    );
    const user = userEvent.setup();
    renderPage(db);
    await user.click(await rowOf('FA-0001'));
    const dialog = await screen.findByRole('dialog', { name: 'Facture FA-0001' });
    await user.click(within(dialog).getByRole('button', { name: 'Marquer en litige' }));
    const confirm = await screen.findByRole('dialog', { name: 'Marquer la facture FA-0001 en litige ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Marquer en litige' }));
    await waitFor(
      async () => {
        expect((await rowOf('FA-0001')).textContent).toContain('En litige');
      },
      { timeout: 5000 },
    );
    expect((await db.invoices.get('i-old'))?.disputed).toBe(true);

    const detail = await screen.findByRole('dialog', { name: 'Facture FA-0001' });
    await user.click(within(detail).getByRole('button', { name: 'Supprimer' }));
    const deletion = await screen.findByRole('dialog', { name: 'Supprimer la facture FA-0001 ?' });
    await user.click(within(deletion).getByRole('button', { name: 'Supprimer' }));
    expect((await within(deletion).findByRole('alert')).textContent).toContain(
      'a des règlements ou avoirs rattachés',
    );
    expect(await db.invoices.get('i-old')).toBeDefined();
  });
});
