import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../shared/commands/registry';
import type { AppDB, ConflictRow } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { runCommand } from '../../db/run-command';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { ConflictsPage } from './ConflictsPage';

const CTX = { actor: 'test', today: '2026-03-01', now: '2026-03-01T10:00:00.000Z' };

async function seeded(): Promise<AppDB> {
  const db = await openAppDb(`conflicts-${crypto.randomUUID()}`);
  await runCommand(db, commands.createBuyer, { id: 'b1', name: 'Dupont SAS' }, CTX);
  // Another computer's decision (30 000 €) reached this one by a pull: the limit history is at version 1.
  await runCommand(
    db,
    commands.recordLimitDecision,
    {
      baseVersion: 0,
      decision: {
        id: 'd-server',
        buyerId: 'b1',
        layer: 'named',
        kind: 'granted',
        decisionDate: '2026-02-01',
        effectiveDate: '2026-02-01',
        amountCents: 3_000_000,
        currency: 'EUR',
      },
    },
    CTX,
  );
  await db.outbox.clear();
  const conflict: ConflictRow = {
    opId: 'op-1',
    clientSeq: 7,
    command: 'recordLimitDecision',
    args: {
      baseVersion: 0,
      decision: {
        id: 'd-mine',
        buyerId: 'b1',
        layer: 'named',
        kind: 'granted',
        decisionDate: '2026-02-02',
        effectiveDate: '2026-02-02',
        amountCents: 5_000_000,
        currency: 'EUR',
      },
    },
    status: 'conflict',
    reason: {
      fr: "L'historique de limite de Dupont SAS a changé depuis votre saisie : relisez-le avant d'enregistrer.",
      en: 'The limit history of Dupont SAS changed since you started: review it before saving.',
    },
    reasonCode: 'conflict',
    serverChanges: [{ entity: 'limitDecisions', id: 'd-server', fields: { amountCents: 3_000_000 } }],
    createdAt: '2026-02-02T09:00:00.000Z',
    recordedAt: '2026-02-02T09:05:00.000Z',
  };
  await db.conflicts.put(conflict);
  await db.conflicts.put({
    ...conflict,
    opId: 'op-2',
    clientSeq: 8,
    command: 'setPolicy',
    args: { baseVersion: 0, policy: { currency: 'EUR' } },
    serverChanges: [],
    status: 'rejected',
  });
  return db;
}

function renderPage(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'Marie', today: '2026-03-01' }}>
        <ConflictsPage />
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

describe('Conflits page', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('shows an empty state when there is no conflict', async () => {
    const db = await openAppDb(`conflicts-${crypto.randomUUID()}`);
    renderPage(db);
    expect(await screen.findByRole('heading', { level: 2, name: 'Aucun conflit' })).toBeTruthy();
  });

  it('shows both values and the reason, in words', async () => {
    const db = await seeded();
    renderPage(db);
    const card = await screen.findByRole('article', { name: 'Décision de limite de crédit' });
    expect(card.textContent).toContain('Client : Dupont SAS');
    expect(card.textContent).toContain('Ce que vous vouliez');
    // 5 000 000 cents = 50 000,00 € wanted; 3 000 000 cents = 30 000,00 € kept by the server.
    expect(card.textContent).toContain('50\u202f000,00\u00a0€');
    expect(card.textContent).toContain('30\u202f000,00\u00a0€');
    expect(card.textContent).toContain("L'historique de limite de Dupont SAS a changé");
    expect(screen.getByRole('heading', { level: 2, name: 'À traiter (2)' })).toBeTruthy();
    const refused = screen.getByRole('article', { name: 'Paramètres de la police' });
    expect(refused.textContent).toContain("Le serveur n'a rien modifié");
  });

  it('"Garder la valeur du serveur" marks the conflict resolved, keeps it listed, and writes nothing', async () => {
    const db = await seeded();
    renderPage(db);
    const card = await screen.findByRole('article', { name: 'Décision de limite de crédit' });
    await userEvent.click(within(card).getByRole('button', { name: 'Garder la valeur du serveur' }));
    await waitFor(async () => {
      expect((await db.conflicts.get('op-1'))?.resolution).toBe('kept-server');
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Résolus (1)' })).toBeTruthy();
    expect(await db.conflicts.count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.limitDecisions.toArray()).map((d) => d.id)).toEqual(['d-server']);
  });

  it('"Réappliquer ma valeur" runs the decision again on the current base version, then resolves', async () => {
    const db = await seeded();
    renderPage(db);
    const card = await screen.findByRole('article', { name: 'Décision de limite de crédit' });
    await userEvent.click(within(card).getByRole('button', { name: 'Réappliquer ma valeur' }));
    await waitFor(async () => {
      expect((await db.conflicts.get('op-1'))?.resolution).toBe('reapplied');
    });
    const [op] = await db.outbox.toArray();
    // The history was at version 1 (one decision from the server), so the new op is based on 1, not 0.
    expect(op?.command).toBe('recordLimitDecision');
    expect(op?.baseVersion).toBe(1);
    expect((await db.limitDecisions.get('d-mine'))?.amountCents).toBe(5_000_000);
    expect(await screen.findByText(/Votre valeur a été réappliquée le/)).toBeTruthy();
  });
});
