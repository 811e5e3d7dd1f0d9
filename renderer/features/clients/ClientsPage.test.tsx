import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { ClientsPage } from './ClientsPage';
import type { z } from 'zod';
import type { Command } from '../../../shared/commands/define';
import { commands } from '../../../shared/commands/registry';
import { runCommand } from '../../db/run-command';
import { seedClients, TODAY } from './test-seed';

/** Amounts as the screen writes them: narrow no-break space between thousands, no-break space before €. */
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

function renderPage(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'Marie', today: TODAY }}>
        <MemoryRouter initialEntries={['/buyers']}>
          <Routes>
            <Route path="/buyers" element={<ClientsPage />} />
            <Route path="/buyers/:buyerId" element={<p>Fiche ouverte</p>} />
          </Routes>
        </MemoryRouter>
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

async function bodyRows(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: 'Clients : encours, limite et garantie' });
  return within(table)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('Clients page', () => {
  beforeAll(async () => {
    await initI18n('fr');
    // jsdom lays nothing out: give elements a viewport-sized client box so the virtualizer renders rows.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  });

  it('keeps the empty state when there is no buyer', async () => {
    renderPage(await openAppDb(`clients-${crypto.randomUUID()}`));
    expect(
      await screen.findByRole('heading', { level: 2, name: "Aucun client pour l'instant" }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouveau client' })).toBeTruthy();
  });

  it('lists the buyers with their figures and the summary', async () => {
    renderPage(await seededWorkspace());
    expect(await bodyRows()).toEqual(['Dupont SA', 'Établissements Bérard', 'Martin SARL', 'Zeta SAS']);
    // Encours 12 000 + 5 000 + 3 000 + 0 = 20 000 €; non garanti 2 000 (Dupont) + 3 000 (Martin) = 5 000 €.
    expect(screen.getByTestId('clients-summary').textContent).toBe(
      `Clients affichés : 4 sur 4 · encours total ${euros('20 000,00 €')} · dont non garanti ${euros('5 000,00 €')}`,
    );
    // Dupont: 12 000 € against a 10 000 € limit → 10 000 € covered, 2 000 € not.
    expect(
      screen.getByRole('img', {
        name: `Encours ${euros('12 000,00 €')} pour une limite de ${euros('10 000,00 €')} : ${euros('10 000,00 €')} couverts, ${euros('2 000,00 €')} non couverts`,
      }),
    ).toBeTruthy();
    const dupont = screen.getByRole('link', { name: 'Dupont SA' }).closest('tr');
    expect(dupont?.textContent).toContain('SIREN 732 829 320');
    expect(within(dupont ?? document.body).getByText('3')).toBeTruthy();
  });

  it('says what each limit is, and counts alerts in words', async () => {
    renderPage(await seededWorkspace());
    await bodyRows();
    const rowOf = (name: string) => {
      const tr = screen.getByRole('link', { name }).closest('tr');
      if (tr === null) throw new Error(`no row for ${name}`);
      return tr;
    };
    // test-seed.ts: Dupont has a named limit of 10 000 € → the amount, no note.
    expect(rowOf('Dupont SA').textContent).toContain(euros('10 000,00 €'));
    expect(rowOf('Dupont SA').textContent).not.toContain('non dénommé');
    // Bérard and Zeta have no decision → the unnamed threshold of 10 000 €, said so.
    for (const name of ['Établissements Bérard', 'Zeta SAS']) {
      expect(rowOf(name).textContent).toContain(`${euros('10 000,00 €')}non dénommé`);
    }
    // Martin's limit was refused (before its only invoice was shipped) → no cover, nothing covered earlier.
    expect(rowOf('Martin SARL').textContent).toContain('Sans garantie');
    expect(rowOf('Martin SARL').textContent).not.toContain('livraisons antérieures');
    // Alerts (alerts.ts): Dupont 12 000 € over a 10 000 € limit → « over-limit », critical; Martin 3 000 €
    // without cover → « no-cover », critical; Zeta owes nothing → none. No badge text in capitals.
    expect(within(rowOf('Dupont SA')).getByText('1 alerte critique')).toBeTruthy();
    expect(within(rowOf('Martin SARL')).getByText('1 alerte critique')).toBeTruthy();
    expect(within(rowOf('Zeta SAS')).getByText('Aucune alerte')).toBeTruthy();
  });

  it('sorts by encours from the header button, with aria-sort', async () => {
    renderPage(await seededWorkspace());
    await bodyRows();
    const header = screen.getByRole('columnheader', { name: /^Encours$/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    // 12 000 > 5 000 > 3 000 > 0.
    expect(await bodyRows()).toEqual(['Dupont SA', 'Établissements Bérard', 'Martin SARL', 'Zeta SAS']);
    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(await bodyRows()).toEqual(['Zeta SAS', 'Martin SARL', 'Établissements Bérard', 'Dupont SA']);
    const overdue = screen.getByRole('columnheader', { name: /^Échu$/ });
    await userEvent.click(within(overdue).getByRole('button'));
    expect((await bodyRows())[0]).toBe('Établissements Bérard');
  });

  it('searches without accents and by SIREN digits', async () => {
    renderPage(await seededWorkspace());
    await bodyRows();
    const search = screen.getByRole('searchbox', { name: 'Rechercher un client' });
    await userEvent.type(search, 'etablissements berard');
    await waitFor(async () => {
      expect(await bodyRows()).toEqual(['Établissements Bérard']);
    });
    await userEvent.clear(search);
    await userEvent.type(search, '443 061');
    await waitFor(async () => {
      expect(await bodyRows()).toEqual(['Martin SARL']);
    });
    expect(screen.getByTestId('clients-summary').textContent).toContain('Clients affichés : 1 sur 4');
  });

  it('filters over the limit, without cover and overdue', async () => {
    renderPage(await seededWorkspace());
    await bodyRows();
    const chip = (name: string) => screen.getByRole('checkbox', { name });
    await userEvent.click(chip('Au-delà de la limite'));
    await waitFor(async () => {
      expect(await bodyRows()).toEqual(['Dupont SA']);
    });
    await userEvent.click(chip('Au-delà de la limite'));
    await userEvent.click(chip('Sans garantie'));
    await waitFor(async () => {
      expect(await bodyRows()).toEqual(['Martin SARL']);
    });
    await userEvent.click(chip('Sans garantie'));
    await userEvent.click(chip('Avec retard'));
    await waitFor(async () => {
      expect(await bodyRows()).toEqual(['Établissements Bérard']);
    });
  });

  it('opens the buyer page from the name link with the keyboard', async () => {
    renderPage(await seededWorkspace());
    await bodyRows();
    screen.getByRole('link', { name: 'Martin SARL' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Fiche ouverte')).toBeTruthy();
  });

  it('creates a buyer, and shows the SIREN rejection of the command under the field', async () => {
    const db = await openAppDb(`clients-${crypto.randomUUID()}`);
    renderPage(db);
    await userEvent.click(await screen.findByRole('button', { name: 'Nouveau client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau client' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Raison sociale/ }), 'Nouvelle Société');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^SIREN/ }), '732829321');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le client' }));
    expect(
      await within(dialog).findByText(
        "La clé du SIREN 732829321 est fausse : vérifiez qu'aucun chiffre n'a été mal recopié.",
      ),
    ).toBeTruthy();
    expect(await db.buyers.count()).toBe(0);
    const siren = within(dialog).getByRole('textbox', { name: /^SIREN/ });
    await userEvent.clear(siren);
    await userEvent.type(siren, '732 829 320');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le client' }));
    expect(await screen.findByText('Fiche ouverte')).toBeTruthy();
    const [created] = await db.buyers.toArray();
    expect(created).toMatchObject({ name: 'Nouvelle Société', siren: '732829320', country: 'FR' });
  });
});
