import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { BuyerPage } from './BuyerPage';
import type { z } from 'zod';
import type { Command } from '../../../shared/commands/define';
import { commands } from '../../../shared/commands/registry';
import { runCommand } from '../../db/run-command';
import { seedClients, TODAY } from './test-seed';

const euros = (text: string) => text.replace(/ €$/, '\u00a0€').replace(/ /g, '\u202f');

async function seededWorkspace(): Promise<AppDB> {
  const db = await openAppDb(`clients-${crypto.randomUUID()}`);
  const ctx = { actor: 'test', today: TODAY, now: '2026-03-01T10:00:00.000Z' };
  await seedClients((name, args) => {
    // Widening to the base command type is checked: `execute` is a method, so its argument is bivariant.
    const command: Command<string, z.ZodType> = commands[name];
    return runCommand(db, command, args, ctx);
  });
  return db;
}

function renderPage(db: AppDB, path: string) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'Marie', today: TODAY }}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/buyers" element={<p>Liste des clients</p>} />
            <Route path="/buyers/:buyerId" element={<BuyerPage />} />
          </Routes>
        </MemoryRouter>
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

describe('Buyer page', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('says « Client introuvable » for an unknown id, with a way back', async () => {
    renderPage(await seededWorkspace(), '/buyers/nobody');
    expect(await screen.findByRole('heading', { name: 'Client introuvable' })).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: /Retour aux clients/ }));
    expect(await screen.findByText('Liste des clients')).toBeTruthy();
  });

  it('shows identity with the VAT number computed from the SIREN, and the key figures', async () => {
    renderPage(await seededWorkspace(), '/buyers/b1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dupont SA' })).toBeTruthy();
    // VAT key = (12 + 3 × (SIREN mod 97)) mod 97.
    // 97 × 7 554 941 = 732 829 277, remainder 43 → (12 + 129) mod 97 = 141 − 97 = 44 → FR44732829320.
    expect(screen.getByText('FR44732829320')).toBeTruthy();
    const figures = (label: string) => screen.getByText(label).nextElementSibling?.textContent;
    expect(figures('Encours')).toBe(euros('12 000,00 €'));
    expect(figures('Limite en vigueur')).toBe(euros('10 000,00 €'));
    expect(figures('Couvert')).toBe(euros('10 000,00 €'));
    expect(figures('Non couvert')).toBe(euros('2 000,00 €'));
    // Book balance: the one invoice, 14 400 € TTC, nothing received.
    expect(figures('Solde comptable TTC')).toBe(euros('14 400,00 €'));
  });

  it('lists the limit history with each decision in French, and the limit in force', async () => {
    renderPage(await seededWorkspace(), '/buyers/b1?tab=limits');
    const table = await screen.findByRole('table', { name: 'Historique des décisions' });
    const [, row] = within(table).getAllByRole('row');
    const cells = within(row ?? table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '15/01/2026',
      'Accord total',
      'Dénommée',
      euros('10 000,00 €'),
      '—',
      euros('15 000,00 €'),
      '15/01/2026',
      '—',
      'ALZ-0042',
    ]);
    expect(screen.getByRole('heading', { name: 'Limite en vigueur au 01/03/2026' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enregistrer une décision' }).getAttribute('href')).toBe(
      '/limits?buyer=b1&action=decision',
    );
    expect(screen.getByRole('link', { name: 'Puis-je livrer ?' }).getAttribute('href')).toBe(
      '/can-ship?buyer=b1',
    );
  });

  it('shows the over-limit alert (12 000 € against 10 000 €)', async () => {
    renderPage(await seededWorkspace(), '/buyers/b1?tab=alerts');
    expect(await screen.findByText('Limite dépassée')).toBeTruthy();
    expect(screen.getByText(/L'encours \(12\s000,00\s€\) dépasse la limite de 10\s000,00\s€/)).toBeTruthy();
  });

  it('marks an unpaid invoice past its due date as « Échue » with its days late', async () => {
    renderPage(await seededWorkspace(), '/buyers/b2?tab=invoices');
    const table = await screen.findByRole('table', { name: 'Factures' });
    const [, row] = within(table).getAllByRole('row');
    // Due 31/12/2025, today 01/03/2026: 31 (Jan) + 28 (Feb) + 1 = 60 days.
    expect(row?.textContent).toContain('Échue');
    expect(
      within(row ?? table)
        .getAllByRole('cell')
        .at(-1)?.textContent,
    ).toBe('60');
    expect(screen.getByRole('link', { name: /Voir dans Factures/ }).getAttribute('href')).toBe(
      '/invoices?buyer=b2',
    );
  });

  it('shows the command’s SIREN rejection under the SIREN field of the edit form', async () => {
    const db = await seededWorkspace();
    renderPage(db, '/buyers/b1');
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier Dupont SA' });
    const siren = within(dialog).getByRole('textbox', { name: /^SIREN/ });
    await userEvent.clear(siren);
    await userEvent.type(siren, '732829321');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    const message = await within(dialog).findByText(
      "La clé du SIREN 732829321 est fausse : vérifiez qu'aucun chiffre n'a été mal recopié.",
    );
    expect(siren.getAttribute('aria-describedby')).toContain(message.id);
    expect((await db.buyers.get('b1'))?.siren).toBe('732829320');
  });

  it('saves a NAF code normalised by the command', async () => {
    const db = await seededWorkspace();
    renderPage(db, '/buyers/b1');
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier Dupont SA' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Code NAF/ }), '62 02 a');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('62.02A')).toBeTruthy();
    expect((await db.buyers.get('b1'))?.naf).toBe('62.02A');
  });

  it('puts every event on the timeline, newest first', async () => {
    renderPage(await seededWorkspace(), '/buyers/b1?tab=timeline');
    const list = await screen.findByRole('list', { name: 'Chronologie' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      `03/03/2026Échéance de la facture F-001 (${euros('14 400,00 €')} TTC)À venir`,
      `01/02/2026Facture F-001 émise (${euros('14 400,00 €')} TTC)`,
      `15/01/2026Accord total — limite Dénommée : ${euros('10 000,00 €')}`,
    ]);
  });
});
