import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Command } from '../../../shared/commands/define';
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
  // b1: exposure 40 000 € HT, limit 30 000 € → over the limit by 10 000 € (critical).
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
  // b2: 5 000 € due 2026-10-01, 55 days late; the 60-day extension ends 2026-11-30 (warning, in 5 days).
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
  return db;
}

function renderCentre(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <MemoryRouter>
        <WorkspaceProvider workspace={{ db, actor: 'marie', today: TODAY }}>
          <AlertCentre />
        </WorkspaceProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('AlertCentre', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('groups the alerts to handle by severity with the amount at stake, the deadline and what to do', async () => {
    const db = await seeded();
    renderCentre(db);
    const critical = await screen.findByRole('region', { name: 'Critique' });
    const over = within(critical).getByRole('article', { name: 'Limite dépassée — SARL Dupont' });
    // 40 000 − 30 000 = 10 000 € uncovered.
    expect(over.textContent).toMatch(/10\s000,00\s€/);
    expect(over.textContent).toContain('Suspendre les livraisons non couvertes ou demander une augmentation');
    expect(within(over).getByRole('link', { name: 'SARL Dupont' }).getAttribute('href')).toBe('/buyers/b1');

    const warning = screen.getByRole('region', { name: 'Attention' });
    const overdue = within(warning).getByRole('article', { name: 'Facture échue impayée — Martin Frères' });
    expect(overdue.textContent).toContain('30/11/2026 · dans 5 jours');
    expect(screen.getByRole('radio', { name: 'À traiter (2)' })).toBeTruthy();
    db.close();
  });

  it('acknowledge moves an alert to « Pris en compte », reopen brings it back; snooze puts it aside', async () => {
    const db = await seeded();
    const user = userEvent.setup();
    renderCentre(db);
    const over = await screen.findByRole('article', { name: 'Limite dépassée — SARL Dupont' });
    await user.click(within(over).getByRole('button', { name: 'Pris en compte' }));
    expect(await screen.findByRole('radio', { name: 'Pris en compte (1)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'À traiter (1)' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Critique' })).toBeNull();

    await user.click(screen.getByText('Pris en compte (1)'));
    const acknowledged = await screen.findByRole('article', { name: 'Limite dépassée — SARL Dupont' });
    expect(acknowledged.textContent).toContain('Prise en compte le 25/11/2026 par marie');
    await user.click(within(acknowledged).getByRole('button', { name: 'Rouvrir' }));
    expect(await screen.findByRole('radio', { name: 'À traiter (2)' })).toBeTruthy();

    await user.click(screen.getByText('À traiter (2)'));
    const overdue = await screen.findByRole('article', { name: 'Facture échue impayée — Martin Frères' });
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
    await screen.findByRole('region', { name: 'Critique' });
    await user.type(screen.getByRole('textbox', { name: 'Client' }), 'martin freres');
    expect(await screen.findByRole('radio', { name: 'À traiter (1)' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Critique' })).toBeNull();
    db.close();
  });
});
