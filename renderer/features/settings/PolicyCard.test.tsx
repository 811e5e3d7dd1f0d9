// Paramètres → Police: a preset fills the form (nothing saved), a bad value is refused in French naming the
// field, and « Enregistrer » runs setPolicy so the stored policy row changes.
import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_ROW_ID } from '../../../shared/commands/entities';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { PolicyCard } from './PolicyCard';

function renderCard(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'Marie', today: '2026-11-25' }}>
        <PolicyCard />
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

describe('Paramètres → Police d’assurance-crédit', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('shows the defaults of domain.md §3 in French units', async () => {
    const db = await openAppDb(`policy-card-${crypto.randomUUID()}`);
    renderCard(db);
    // 90 % named quotité, 10 000 € unnamed threshold, 0,30 % premium rate, 60 days of extension.
    expect(await screen.findByLabelText('Quotité garantie — clients dénommés')).toHaveProperty(
      'value',
      '90 %',
    );
    expect(screen.getByLabelText('Seuil de non-dénommé')).toHaveProperty('value', '10 000 €');
    expect(screen.getByLabelText('Taux de prime')).toHaveProperty('value', '0,30 %');
    expect(screen.getByLabelText('Délai maximum de prorogation')).toHaveProperty('value', '60 jours');
    expect(screen.getByText(/Valeurs typiques, non contractuelles/)).toBeTruthy();
    db.close();
  });

  it('fills the form from a preset without saving it', async () => {
    const db = await openAppDb(`policy-card-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    renderCard(db);
    await user.click(await screen.findByPlaceholderText('Choisir un profil…'));
    await user.click(await screen.findByRole('option', { name: 'Profil TPE forfaitaire', hidden: true }));
    // The micro-business preset: 85 % named, 5 000 € unnamed threshold, 30 days of extension.
    expect(screen.getByLabelText('Quotité garantie — clients dénommés')).toHaveProperty('value', '85 %');
    expect(screen.getByLabelText('Seuil de non-dénommé')).toHaveProperty('value', '5 000 €');
    expect(screen.getByLabelText('Délai maximum de prorogation')).toHaveProperty('value', '30 jours');
    expect(await db.policy.get(POLICY_ROW_ID)).toBeUndefined();
    db.close();
  });

  it('refuses an empty or out-of-range field with a French sentence naming it', async () => {
    const db = await openAppDb(`policy-card-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    renderCard(db);
    const quotity = await screen.findByLabelText('Quotité garantie — clients dénommés');
    await user.clear(quotity);
    await user.type(quotity, '120');
    const notice = screen.getByLabelText('Préavis de réduction de limite');
    await user.clear(notice);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la police' }));
    expect(
      await screen.findByText('Quotité garantie — clients dénommés : saisissez une valeur entre 0 et 100.'),
    ).toBeTruthy();
    expect(screen.getByText('Préavis de réduction de limite : saisissez une valeur.')).toBeTruthy();
    expect(await db.policy.get(POLICY_ROW_ID)).toBeUndefined();
    db.close();
  });

  it('saves with setPolicy: the policy row holds the typed values, in basis points and cents', async () => {
    const db = await openAppDb(`policy-card-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    renderCard(db);
    const near = await screen.findByLabelText("Seuil d'alerte « proche de la limite »");
    await user.clear(near);
    await user.type(near, '85');
    const minimum = screen.getByLabelText('Prime minimale annuelle');
    await user.clear(minimum);
    await user.type(minimum, '4200,50');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la police' }));
    expect(await screen.findByText('Paramètres de la police enregistrés')).toBeTruthy();
    const row = await db.policy.get(POLICY_ROW_ID);
    // 85 % = 8 500 bp; 4 200,50 € = 420 050 cents; the rest unchanged from the defaults.
    expect(row).toMatchObject({
      ...DEFAULT_POLICY,
      nearLimitAlertBp: 8_500,
      minimumPremiumCents: 420_050,
      version: 1,
    });
    // The form starts again from the stored row (version 1): nothing left to discard.
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Annuler les modifications' })).toHaveProperty(
        'disabled',
        true,
      );
    });
    db.close();
  });
});
