import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../shared/commands/registry';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { runCommand } from '../../db/run-command';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { LimitDecisionForm } from './LimitDecisionForm';
import type { LimitFormPrefill } from './LimitDecisionForm';

const TODAY = '2026-11-25';
const CTX = { actor: 'marie', today: TODAY, now: '2026-11-25T09:00:00.000Z' };

async function withBuyer(): Promise<AppDB> {
  const db = await openAppDb(`limit-form-${crypto.randomUUID()}`);
  expect((await runCommand(db, commands.createBuyer, { id: 'b1', name: 'SARL Dupont' }, CTX)).ok).toBe(true);
  return db;
}

function renderForm(db: AppDB, prefill: LimitFormPrefill, onSaved = vi.fn()) {
  render(
    <MantineProvider>
      <WorkspaceProvider workspace={{ db, actor: 'marie', today: TODAY }}>
        <LimitDecisionForm prefill={prefill} onSaved={onSaved} onCancel={vi.fn()} />
      </WorkspaceProvider>
    </MantineProvider>,
  );
  return onSaved;
}

describe('LimitDecisionForm', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('records a prefilled limit request', async () => {
    const db = await withBuyer();
    const user = userEvent.setup();
    const onSaved = renderForm(db, { buyerId: 'b1', kind: 'requested', requested: '65 000' });
    const submit = await screen.findByRole('button', { name: 'Enregistrer la demande' });
    // The buyer's row must be read before the form can guard on its limit history version.
    await screen.findByDisplayValue('SARL Dupont');
    await user.click(submit);
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledWith('SARL Dupont');
    });
    const [decision] = await db.limitDecisions.toArray();
    expect(decision).toMatchObject({
      buyerId: 'b1',
      kind: 'requested',
      requestedCents: 65_000_00,
      amountCents: 0,
    });
    expect((await db.buyers.get('b1'))?.limitHistoryVersion).toBe(1);
    db.close();
  });

  it('shows the field errors and records nothing', async () => {
    const db = await withBuyer();
    const user = userEvent.setup();
    renderForm(db, { buyerId: 'b1', kind: 'granted', granted: 'douze' });
    await screen.findByDisplayValue('SARL Dupont');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    expect(await screen.findByText(/Montant invalide/)).toBeTruthy();
    expect(await db.limitDecisions.count()).toBe(0);
    db.close();
  });

  it('shows the rejection when someone else recorded a decision meanwhile (guarded version)', async () => {
    const db = await withBuyer();
    const user = userEvent.setup();
    const onSaved = renderForm(db, { buyerId: 'b1', kind: 'granted', granted: '50 000' });
    await screen.findByDisplayValue('SARL Dupont');
    // Another user's decision lands after the form read version 0.
    const other = await runCommand(
      db,
      commands.recordLimitDecision,
      {
        baseVersion: 0,
        decision: {
          id: 'd-other',
          buyerId: 'b1',
          layer: 'named',
          kind: 'granted',
          decisionDate: TODAY,
          effectiveDate: TODAY,
          amountCents: 20_000_00,
          currency: 'EUR',
        },
      },
      CTX,
    );
    expect(other.ok).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Décision non enregistrée');
    expect(alert.textContent).toContain("L'historique de limite de SARL Dupont a changé depuis votre saisie");
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.limitDecisions.count()).toBe(1);
    db.close();
  });

  it('explains the notice of a reduction and warns when the effective date comes before it', async () => {
    const db = await withBuyer();
    renderForm(db, { buyerId: 'b1', kind: 'reduced', granted: '10 000', effectiveDate: '2026-12-01' });
    await screen.findByDisplayValue('SARL Dupont');
    expect(screen.getByText(/la police prévoit un préavis de 30 jours/)).toBeTruthy();
    // 2026-11-25 + 30 days of notice = 2026-12-25, after the 2026-12-01 typed.
    expect(screen.getByText('Préavis plus court que celui de la police')).toBeTruthy();
    expect(screen.getByText(/ne devrait pas prendre effet avant le 25\/12\/2026/)).toBeTruthy();
    db.close();
  });
});
