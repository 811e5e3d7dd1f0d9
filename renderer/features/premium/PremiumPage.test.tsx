// Simulateur de prime with domain.md example 5, typed as a user would, and the declaration tab over a seeded
// ledger. Expected figures are the hand computations of example 5 and plain sums of the seeded invoices.
import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { PremiumPage } from './PremiumPage';

function renderPage(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'Marie', today: '2026-11-25' }}>
        <PremiumPage />
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

/** Text with every kind of space made a plain one (fr-FR uses narrow no-break spaces). */
const plain = (text: string | null): string => (text ?? '').replace(/\s/gu, ' ');

function resultCell(rowName: string, column = 0): string {
  const table = screen.getByTestId('premium-results');
  const row = within(table).getByRole('rowheader', { name: rowName }).closest('tr');
  if (row === null) throw new Error(`no row ${rowName}`);
  return plain(within(row).getAllByRole('cell')[column]?.textContent ?? null);
}

describe('Simulateur de prime', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('computes example 5 of domain.md from the default policy (0,30 %, 3 650 € minimum, 60 € per named buyer, 25 ×)', async () => {
    const db = await openAppDb(`premium-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    renderPage(db);
    const turnover = await screen.findByLabelText("Chiffre d'affaires annuel HT");
    await user.type(turnover, '2000000');
    const credit = screen.getByLabelText('Part vendue à crédit aux entreprises');
    await user.clear(credit);
    await user.type(credit, '80');
    const buyers = screen.getByLabelText('Nombre de clients');
    await user.clear(buyers);
    await user.type(buyers, '40');
    const named = screen.getByLabelText('Clients dénommés');
    await user.clear(named);
    await user.type(named, '15');

    // 2 000 000 × 80 % = 1 600 000 insurable; × 0,30 % = 4 800 > 3 650; + 15 × 60 = 900 → 5 700 a year;
    // 5 700 / 12 = 475,00; 5 700 / 365 = 15,616… → 15,62; plafond 25 × 4 800 = 120 000.
    await waitFor(() => {
      expect(resultCell('Prime annuelle totale')).toBe('5 700,00 €');
    });
    expect(resultCell('Prime de base')).toBe('4 800,00 €');
    expect(resultCell('Frais de surveillance')).toBe('900,00 €');
    expect(resultCell('Par mois')).toBe('475,00 €');
    expect(resultCell('Par jour')).toBe('15,62 €');
    expect(resultCell("Plafond d'indemnisation")).toBe('120 000,00 €');
    // Seed loss 7 × 9 400 = 65 800; covered min(65 800, 120 000) × 90 % = 59 220.
    expect(plain(screen.getByTestId('expected-loss').textContent)).toContain('65 800,00 €');
    expect(resultCell('Perte attendue prise en charge')).toBe('59 220,00 €');

    // A margin of 5 %: 65 800 / 5 % = 1 316 000 of extra sales.
    await user.type(screen.getByLabelText('Marge brute', { exact: false }), '5');
    await waitFor(() => {
      expect(plain(screen.getByTestId('break-even').textContent)).toContain('1 316 000,00 €');
    });
    db.close();
  });

  it('refuses more named buyers than buyers, in French, and hides the results', async () => {
    const db = await openAppDb(`premium-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    renderPage(db);
    await user.type(await screen.findByLabelText("Chiffre d'affaires annuel HT"), '100000');
    const named = screen.getByLabelText('Clients dénommés');
    await user.clear(named);
    await user.type(named, '3');
    expect(await screen.findByText('Pas plus de clients dénommés que de clients.')).toBeTruthy();
    expect(screen.getByText('Complétez les champs signalés pour voir les résultats.')).toBeTruthy();
    expect(screen.queryByTestId('premium-results')).toBeNull();
    db.close();
  });
});
