import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Command } from '../../../shared/commands/define';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import { SettingsProvider } from '../../app/settings-context';
import { commands } from '../../../shared/commands/registry';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { runCommand } from '../../db/run-command';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { AlertCentre } from './AlertCentre';

const TODAY = '2026-11-25';
const CTX = { actor: 'marie', today: TODAY, now: '2026-11-25T09:00:00.000Z' };

async function seeded(): Promise<AppDB> {
  const db = await openAppDb(`alert-centre-${crypto.randomUUID()}`);
  const run = async (name: keyof typeof commands, args: unknown) => {
    // Same widening as useCommand: the base command type takes any parsed arguments.
    const command: Command<string, z.ZodType> = commands[name];
    const result = await runCommand(db, command, args, CTX);
    expect(result.ok).toBe(true);
  };
  await run('createBuyer', { id: 'b1', name: 'SARL Dupont' });
  await run('createBuyer', { id: 'b2', name: 'Martin Frères' });
  // Default policy: cover on HT, MEP 60 days after the due date, DMS 30 days after the MEP, « DMS à
  // déclarer » within 15 days of its deadline, unnamed threshold 10 000 € (near-limit from 80 %).
  //
  // b1, named limit 30 000 €; exposure 40 000 + 2 000 = 42 000 € HT → over the limit by 12 000 € (critical).
  await run('recordInvoice', {
    id: 'i1',
    buyerId: 'b1',
    number: 'F-1',
    issueDate: '2026-11-01',
    dueDate: '2026-12-31',
    amountHtCents: 40_000_00,
    amountTtcCents: 48_000_00,
    currency: 'EUR',
  });
  // F-3 due 2026-09-01: MEP ended 2026-10-31 → « Arrêtez les livraisons » (critical, 2 400 € TTC);
  // DMS deadline 2026-11-30, 5 days away → « DMS à faire » (warning, same 2 400 €).
  await run('recordInvoice', {
    id: 'i3',
    buyerId: 'b1',
    number: 'F-3',
    issueDate: '2026-08-01',
    dueDate: '2026-09-01',
    amountHtCents: 2_000_00,
    amountTtcCents: 2_400_00,
    currency: 'EUR',
  });
  await run('recordLimitDecision', {
    baseVersion: 0,
    decision: {
      id: 'd1',
      buyerId: 'b1',
      layer: 'named',
      kind: 'granted',
      decisionDate: '2026-01-10',
      effectiveDate: '2026-01-10',
      amountCents: 30_000_00,
      currency: 'EUR',
    },
  });
  // b2, unnamed (10 000 €); exposure 5 000 + 2 000 = 7 000 € HT = 70 %: no limit alert.
  // F-2 due 2026-10-01, 55 days late; its MEP ends 2026-11-30 → « Facture échue impayée » (warning, 6 000 €).
  await run('recordInvoice', {
    id: 'i2',
    buyerId: 'b2',
    number: 'F-2',
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    amountHtCents: 5_000_00,
    amountTtcCents: 6_000_00,
    currency: 'EUR',
  });
  // F-4 due 2026-09-01, like F-3: stop shipments (critical) + DMS to file, both on 2 400 € TTC.
  await run('recordInvoice', {
    id: 'i4',
    buyerId: 'b2',
    number: 'F-4',
    issueDate: '2026-08-01',
    dueDate: '2026-09-01',
    amountHtCents: 2_000_00,
    amountTtcCents: 2_400_00,
    currency: 'EUR',
  });
  return db;
}

function renderCentre(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <SettingsProvider initial={DEFAULT_SETTINGS}>
        <MemoryRouter>
          <WorkspaceProvider workspace={{ db, actor: 'marie', today: TODAY }}>
            <AlertCentre />
          </WorkspaceProvider>
        </MemoryRouter>
      </SettingsProvider>
    </MantineProvider>,
  );
}

/** The table of buyers and its rows, header row left out. */
function buyerRows(): HTMLElement[] {
  const table = screen.getByRole('table', {
    name: 'Clients avec des alertes, du plus urgent au moins urgent',
  });
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('table') === table && within(row).queryAllByRole('rowheader').length > 0);
}

/** The row of one alert in a buyer's detail, by its title. */
async function alertRow(buyer: string, title: string): Promise<HTMLElement> {
  const detail = await screen.findByRole('table', { name: `Alertes de ${buyer}` });
  const header = within(detail).getByRole('rowheader', { name: new RegExp(title) });
  const row = header.closest('tr');
  if (row === null) throw new Error(`No row for ${title}`);
  return row;
}

describe('AlertCentre', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('shows one row per buyer, most urgent first, with its alerts as chips and the amount at stake once', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderCentre(db);
    await screen.findByRole('table', { name: /^Clients avec des alertes/ });
    const rows = buyerRows();
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'SARL Dupont',
      'Martin Frères',
    ]);
    const [dupont, martin] = rows;
    if (dupont === undefined || martin === undefined) throw new Error('two rows expected');
    expect(within(dupont).getByRole('link').getAttribute('href')).toBe('/buyers/b1');

    // Dupont: over-limit 12 000 € (buyer level) vs F-3 counted once 2 400 € → max = 12 000 €, not
    // 12 000 + 2 400 + 2 400 = 16 800 €.
    expect(dupont.textContent).toMatch(/12\s000,00\s€/);
    expect(dupont.textContent).not.toMatch(/16\s800/);
    expect(dupont.textContent).toContain('3 alertes');
    expect(dupont.textContent).toContain('Limite dépassée');
    expect(dupont.textContent).toContain('Livraisons à arrêter (1 facture)');
    expect(dupont.textContent).toContain('DMS à déclarer');
    // Nearest deadline: F-3's MEP end, 2026-10-31, 25 days before 2026-11-25.
    expect(dupont.textContent).toContain('31/10/2026');
    expect(dupont.textContent).toContain('dépassée depuis 25 jours');
    // What to do first: the most urgent alert (critical with the earliest deadline) is stop-shipments.
    expect(dupont.textContent).toContain('Suspendre les livraisons à ce client');
    expect(within(dupont).getByText('Critique')).toBeTruthy();

    // Martin: no buyer-level alert; F-2 6 000 € + F-4 2 400 € (its two alerts counted once) = 8 400 €.
    expect(martin.textContent).toMatch(/8\s400,00\s€/);
    expect(martin.textContent).toContain('1 facture échue');
    expect(martin.textContent).toContain('Livraisons à arrêter (1 facture)');

    // Summary: 2 buyers, both critical, 12 000 + 8 400 = 20 400 € at stake, both past a deadline.
    const summary = screen.getByTestId('alert-summary');
    expect(summary.textContent).toMatch(/20\s400,00\s€/);
    expect(screen.getByRole('radio', { name: 'À traiter (6)' })).toBeTruthy();

    // Expanding lists the buyer's alerts one line each.
    const toggle = within(dupont).getByRole('button', { name: 'Détail des alertes de SARL Dupont' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = await screen.findByRole('table', { name: 'Alertes de SARL Dupont' });
    expect(within(detail).getAllByRole('row')).toHaveLength(1 + 3);
    const over = await alertRow('SARL Dupont', 'Limite dépassée');
    expect(over.textContent).toMatch(/12\s000,00\s€/);
    expect(over.textContent).toContain('Suspendre les livraisons non couvertes ou demander une augmentation');
    const dms = await alertRow('SARL Dupont', 'Déclaration de menace de sinistre à faire');
    expect(dms.textContent).toContain('Facture F-3');
    expect(dms.textContent).toMatch(/2\s400,00\s€/);
    expect(dms.textContent).toContain('30/11/2026');
    expect(dms.textContent).toContain('dans 5 jours');
    expect(screen.queryByRole('table', { name: 'Alertes de Martin Frères' })).toBeNull();
    db.close();
  });

  it('« Tout prendre en compte » acknowledges every alert of the buyer, and only them', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderCentre(db);
    await screen.findByRole('table', { name: /^Clients avec des alertes/ });
    // The bulk actions sit above the buyer's alert lines, once expanded.
    await user.click(screen.getByRole('button', { name: 'Détail des alertes de SARL Dupont' }));
    await user.click(await screen.findByRole('button', { name: 'Tout prendre en compte — SARL Dupont' }));
    // Three commands in a row, each refreshing the aggregates: more than findBy's default second.
    expect(await screen.findByRole('radio', { name: 'Pris en compte (3)' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'À traiter (3)' })).toBeTruthy();
    expect(buyerRows().map((row) => within(row).getByRole('link').textContent)).toEqual(['Martin Frères']);
    const states = await db.alertStates.toArray();
    expect(states.map((state) => state.buyerId)).toEqual(['b1', 'b1', 'b1']);
    expect(states.every((state) => state.acknowledgedAt !== undefined && state.by === 'marie')).toBe(true);

    // The acknowledged section shows the buyer once; « Tout rouvrir » brings its alerts back.
    await user.click(screen.getByText('Pris en compte (3)'));
    await user.click(await screen.findByRole('button', { name: 'Détail des alertes de SARL Dupont' }));
    await user.click(await screen.findByRole('button', { name: 'Tout rouvrir — SARL Dupont' }));
    expect(await screen.findByRole('radio', { name: 'À traiter (6)' })).toBeTruthy();
    db.close();
  });

  it('acknowledge moves one alert to « Pris en compte », reopen brings it back; snooze puts it aside', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderCentre(db);
    await user.click(await screen.findByRole('button', { name: 'Détail des alertes de SARL Dupont' }));
    const over = await alertRow('SARL Dupont', 'Limite dépassée');
    await user.click(within(over).getByRole('button', { name: 'Pris en compte' }));
    expect(await screen.findByRole('radio', { name: 'Pris en compte (1)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'À traiter (5)' })).toBeTruthy();

    await user.click(screen.getByText('Pris en compte (1)'));
    await user.click(await screen.findByRole('button', { name: 'Détail des alertes de SARL Dupont' }));
    const acknowledged = await alertRow('SARL Dupont', 'Limite dépassée');
    // The acknowledgement is stamped with the real clock (useCommand), not the workspace's today.
    const [stamp] = await db.alertStates.toArray();
    const day = stamp?.acknowledgedAt?.slice(0, 10) ?? '';
    expect(acknowledged.textContent).toContain(
      `Prise en compte le ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} par marie`,
    );
    await user.click(within(acknowledged).getByRole('button', { name: 'Rouvrir' }));
    expect(await screen.findByRole('radio', { name: 'À traiter (6)' })).toBeTruthy();

    await user.click(screen.getByText('À traiter (6)'));
    await user.click(await screen.findByRole('button', { name: 'Détail des alertes de Martin Frères' }));
    const overdue = await alertRow('Martin Frères', 'Facture échue impayée');
    await user.click(within(overdue).getByRole('button', { name: 'Reporter' }));
    await user.click(await screen.findByRole('menuitem', { name: "D'une semaine" }));
    expect(await screen.findByRole('radio', { name: 'Reportées (1)' })).toBeTruthy();
    const [state] = await db.alertStates.toArray();
    // 2026-11-25 + 7 days.
    expect(state?.snoozedUntil).toBe('2026-12-02');
    db.close();
  });

  it('filters by buyer name, accents and case ignored', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderCentre(db);
    await screen.findByRole('table', { name: /^Clients avec des alertes/ });
    await user.type(screen.getByRole('textbox', { name: 'Client' }), 'martin freres');
    expect(await screen.findByRole('radio', { name: 'À traiter (3)' })).toBeTruthy();
    expect(buyerRows().map((row) => within(row).getByRole('link').textContent)).toEqual(['Martin Frères']);
    db.close();
  });
});
