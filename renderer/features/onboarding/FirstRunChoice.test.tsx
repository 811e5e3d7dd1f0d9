// The first-run panel: a welcome, a link to Import, and the demo button that fills the empty workspace
// through the import path and says how much it loaded.
import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from '../../../shared/demo/generate-demo';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { FirstRunChoice } from './FirstRunChoice';

const TODAY = '2026-11-25';

function renderPanel(db: AppDB) {
  return render(
    <MantineProvider>
      <Notifications />
      <MemoryRouter>
        <WorkspaceProvider workspace={{ db, actor: 'Marie', today: TODAY }}>
          <FirstRunChoice />
        </WorkspaceProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('FirstRunChoice', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('welcomes and offers the two ways in', async () => {
    const db = await openAppDb(`first-run-${crypto.randomUUID()}`);
    renderPanel(db);
    expect(screen.getByRole('heading', { level: 2, name: 'Bienvenue dans Encours' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Importer votre FEC ou un CSV' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Importer un fichier' }).getAttribute('href')).toBe('/import');
    expect(screen.getByText(/Toutes ces données sont inventées/)).toBeTruthy();
    db.close();
  });

  it('loads the demo into the empty workspace and says how much', async () => {
    const db = await openAppDb(`first-run-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    renderPanel(db);
    await user.click(screen.getByRole('button', { name: 'Essayer avec des données de démonstration' }));
    const expected = generateDemo({ seed: DEMO_SEED, today: TODAY });
    // The matcher is compared with the element's text once its spaces are normalised (fr-FR groups digits
    // with a narrow no-break space).
    const message =
      `Données de démonstration chargées : 150 clients, ${formatNumber(expected.invoices.length)} factures`.replace(
        /\s/gu,
        ' ',
      );
    expect(await screen.findByText(message, {}, { timeout: 10_000 })).toBeTruthy();
    expect(await db.buyers.count()).toBe(150);
    expect(await db.invoices.count()).toBe(expected.invoices.length);
    db.close();
  }, 20_000);
});
