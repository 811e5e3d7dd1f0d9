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
    // 25 Nov + 45 days net = 9 Jan 2027 (5 days of Nov + 31 of Dec + 9), shown the French way.
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Échéance/).value).toBe('09/01/2027');
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

  it('reads the dates typed JJ/MM/AAAA, and names the date field that is no real date', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderPage(db, '/invoices?buyer=b1');
    await user.click(await screen.findByRole('button', { name: 'Nouvelle facture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle facture' });
    const issue = within(dialog).getByLabelText<HTMLInputElement>(/Date d'émission/);
    await user.clear(issue);
    await user.type(issue, '02/01/2027');
    // Issued 2 Jan 2027 (delivered today, 25 Nov 2026, which is earlier: 45 days net run from the issue):
    // 2 Jan + 45 days = 16 Feb 2027 (29 days left in January + 16).
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Échéance/).value).toBe('16/02/2027');
    const due = within(dialog).getByLabelText<HTMLInputElement>(/Échéance/);
    await user.clear(due);
    await user.type(due, '31/02/2027');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('« Échéance » : date invalide (format JJ/MM/AAAA).')).toBeTruthy();
  });

  it('filters by a date typed « 01/06/2026 »: 1 June, bound included', async () => {
    const db = await seeded();
    for (const [id, issueDate] of [
      ['i-may', '2026-05-31'],
      ['i-june', '2026-06-01'],
    ] as const) {
      await runCommand(
        db,
        commands.recordInvoice,
        {
          id,
          buyerId: 'b1',
          number: `FA-${id}`,
          issueDate,
          dueDate: '2026-12-31',
          amountHtCents: 1_000,
          amountTtcCents: 1_200,
          currency: 'EUR',
        },
        CTX,
      );
    }
    const user = userEvent.setup();
    renderPage(db);
    await rowOf('FA-0001');
    expect(screen.getByRole('status').textContent).toBe('3 factures affichées sur 3');
    const from = screen.getByLabelText<HTMLInputElement>('Émission du');
    await user.type(from, '01/06/2026');
    expect(from.value).toBe('01/06/2026');
    // Issued 31 May (out), 1 June (in: bounds are inclusive), 1 Sep (in). Read as 6 January, all 3 would stay.
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe('2 factures affichées sur 3');
    });
    const grid = screen.getByRole('grid', { name: 'Liste des factures' });
    expect(within(grid).queryByRole('row', { name: /FA-i-may/ })).toBeNull();
    expect(within(grid).getByRole('row', { name: /FA-i-june/ })).toBeTruthy();
    // « Réinitialiser » empties the date again.
    await user.click(screen.getByRole('button', { name: 'Réinitialiser' }));
    expect(from.value).toBe('');
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe('3 factures affichées sur 3');
    });
  });

  it('opens on the worklist: open invoices, the most overdue first, paid ones last', async () => {
    const db = await seeded();
    const extra = [
      // id, number, due date, paid in full?
      ['i-paid', 'FA-PAYEE', '2026-08-01', true],
      ['i-late', 'FA-RETARD', '2026-11-15', false],
      ['i-soon', 'FA-BIENTOT', '2026-12-15', false],
    ] as const;
    for (const [id, number, dueDate, isPaid] of extra) {
      await runCommand(
        db,
        commands.recordInvoice,
        {
          id,
          buyerId: 'b1',
          number,
          issueDate: '2026-07-01',
          dueDate,
          amountHtCents: 1_000,
          amountTtcCents: 1_200,
          currency: 'EUR',
        },
        CTX,
      );
      if (isPaid) {
        await runCommand(
          db,
          commands.recordPayment,
          {
            id: `p-${id}`,
            buyerId: 'b1',
            invoiceId: id,
            date: '2026-07-20',
            amountCents: 1_200,
            currency: 'EUR',
          },
          CTX,
        );
      }
    }
    const user = userEvent.setup();
    renderPage(db);
    await rowOf('FA-0001');
    const numbers = () =>
      within(screen.getByRole('grid', { name: 'Liste des factures' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.querySelector('[role="gridcell"]')?.textContent);
    // FA-0001 due 1 Oct (55 days late), FA-RETARD due 15 Nov (10 days), FA-BIENTOT not due, FA-PAYEE paid.
    expect(numbers()).toEqual(['FA-0001', 'FA-RETARD', 'FA-BIENTOT', 'FA-PAYEE']);
    expect(screen.getByRole('columnheader', { name: /Retard/ }).getAttribute('aria-sort')).toBe('descending');
    const reset = screen.getByRole('button', { name: 'Réinitialiser' });
    expect(reset).toHaveProperty('disabled', true);
    // Another order, then « Réinitialiser »: back to the worklist.
    await user.click(within(screen.getByRole('columnheader', { name: /Montant TTC/ })).getByRole('button'));
    await waitFor(() => {
      expect(reset).toHaveProperty('disabled', false);
    });
    await user.click(reset);
    await waitFor(() => {
      expect(numbers()).toEqual(['FA-0001', 'FA-RETARD', 'FA-BIENTOT', 'FA-PAYEE']);
    });
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
