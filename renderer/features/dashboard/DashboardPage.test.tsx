import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../shared/commands/registry';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { runCommand } from '../../db/run-command';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { DashboardPage } from './DashboardPage';

// The first-run panel is another feature's: a stand-in shows where the dashboard puts it.
vi.mock('../onboarding/FirstRunChoice', () => ({
  FirstRunChoice: () => <h2>Bienvenue dans Encours</h2>,
}));

const TODAY = '2026-11-25';
const CTX = { actor: 'test', today: TODAY, now: '2026-11-25T09:30:00.000Z' };

function invoice(id: string, buyerId: string, dueDate: string, ttcEuros: number) {
  return {
    id,
    buyerId,
    number: `F-${id}`,
    // 60 days before the due date (L441-10): within the policy's maximum credit terms.
    issueDate: new Date(Date.parse(dueDate) - 60 * 86_400_000).toISOString().slice(0, 10),
    dueDate,
    amountHtCents: (ttcEuros * 100 * 5) / 6,
    amountTtcCents: ttcEuros * 100,
    currency: 'EUR',
  };
}

async function seeded(): Promise<AppDB> {
  const db = await openAppDb(`dashboard-${crypto.randomUUID()}`);
  const result = await runCommand(
    db,
    commands.importLedger,
    {
      import: { id: 'imp-1', kind: 'fec', fileName: 'FEC.txt', importedAt: CTX.now, rejectedLines: 0 },
      buyers: [
        { id: 'b1', name: 'Dupont SARL' },
        { id: 'b2', name: 'Martin SA' },
        { id: 'b3', name: 'Bernard et Fils' },
      ],
      invoices: [
        invoice('i1', 'b1', '2026-09-30', 24_000),
        invoice('i2', 'b1', '2026-12-31', 6_000),
        invoice('i3', 'b2', '2026-11-30', 3_600),
        invoice('i4', 'b3', '2026-07-31', 1_200),
      ],
      payments: [],
      creditNotes: [],
      limitDecisions: [
        {
          id: 'd1',
          buyerId: 'b1',
          layer: 'named',
          kind: 'granted',
          decisionDate: '2026-01-10',
          effectiveDate: '2026-01-10',
          amountCents: 15_000_00,
          currency: 'EUR',
        },
      ],
    },
    CTX,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return db;
}

function renderPage(db: AppDB) {
  return render(
    <MantineProvider>
      <MemoryRouter>
        <WorkspaceProvider workspace={{ db, actor: 'test', today: TODAY }}>
          <DashboardPage />
        </WorkspaceProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

beforeAll(async () => {
  await initI18n('fr');
});

describe('DashboardPage', () => {
  it('shows KPI figures that are the plain sums of the stored aggregates', { timeout: 30_000 }, async () => {
    const db = await seeded();
    const aggregates = await db.buyerAggregates.toArray();
    expect(aggregates).toHaveLength(3);
    const sum = (pick: (row: (typeof aggregates)[number]) => number): number =>
      aggregates.reduce((total, row) => total + pick(row), 0);
    renderPage(db);

    // Generous wait: the page's live queries answer slowly when the machine is busy (CI runs projects in parallel).
    const exposure = await screen.findByTestId('kpi-exposure', {}, { timeout: 10_000 });
    // The headline shows whole euros; the exact amount is its title.
    expect(within(exposure).getByTestId('kpi-value').getAttribute('title')).toBe(
      formatMoney(sum((a) => a.exposureCents)),
    );
    // HT basis: 24 000 + 6 000 + 3 600 + 1 200 TTC = 34 800 TTC = 29 000 HT, nothing paid.
    expect(sum((a) => a.exposureCents)).toBe(29_000_00);
    expect(within(exposure).getByTestId('kpi-receivable').textContent).toContain(formatMoney(34_800_00));
    expect(screen.getByTestId('kpi-covered').textContent).toBe(formatMoney(sum((a) => a.coveredCents)));
    expect(screen.getByTestId('kpi-uncovered').textContent).toBe(formatMoney(sum((a) => a.uncoveredCents)));
    expect(within(screen.getByTestId('kpi-overdue')).getByTestId('kpi-value').getAttribute('title')).toBe(
      formatMoney(sum((a) => a.overdueCents)),
    );
    expect(within(screen.getByTestId('kpi-critical')).getByTestId('kpi-value').textContent).toBe(
      formatNumber(sum((a) => a.alertCounts.critical)),
    );
    // Overdue HT: i1 (20 000 HT, due 30/09) and i4 (1 000 HT, due 31/07); i3 falls due 30/11.
    expect(sum((a) => a.overdueCents)).toBe(21_000_00);

    const top = screen.getByTestId('top-exposures');
    const links = within(top).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Dupont SARL', 'Martin SA', 'Bernard et Fils']);
    expect(links[0]?.getAttribute('href')).toBe('/buyers/b1');
    expect(screen.getByRole('heading', { level: 2, name: 'Balance âgée' })).toBeTruthy();
    expect(await screen.findByText('Aucun sinistre en cours')).toBeTruthy();
    db.close();
  });

  it('shows the first-run choice under the page title when there is no buyer', async () => {
    const db = await openAppDb(`dashboard-${crypto.randomUUID()}`);
    renderPage(db);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Bienvenue dans Encours' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeTruthy();
    expect(screen.queryByTestId('kpi-exposure')).toBeNull();
    db.close();
  });
});
