import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/contract';
import type { AppDB } from '../db/app-db';
import { createWorkspace } from '../db/workspaces';
import { WorkspaceProvider } from '../data/workspace-context';
import { initI18n } from '../i18n';
import { AppLayout } from './AppLayout';
import { NAV_ITEMS } from './navigation';
import { SettingsProvider } from './settings-context';

let db: AppDB;
beforeEach(async () => {
  db = (await createWorkspace({ name: 'Menuiserie Durand' }, '2026-11-25T09:00:00Z')).db;
});

function renderShell() {
  const router = createMemoryRouter([
    {
      element: <AppLayout />,
      children: NAV_ITEMS.map(({ id, path }) => ({ path, element: <h1>{`page:${id}`}</h1> })),
    },
  ]);
  return render(
    <MantineProvider>
      <SettingsProvider initial={DEFAULT_SETTINGS}>
        <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-11-25' }}>
          <RouterProvider router={router} />
        </WorkspaceProvider>
      </SettingsProvider>
    </MantineProvider>,
  );
}

describe('application shell', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('lists the eleven screens in French in the side navigation', () => {
    renderShell();
    const nav = screen.getByRole('navigation');
    const labels = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(labels).toEqual([
      'Tableau de bord',
      'Clients',
      'Factures',
      'Limites & alertes',
      'Puis-je livrer ?',
      'Sinistres',
      'Simulateur de prime',
      'Import',
      'Conflits',
      "Diagnostic d'un prospect",
      'Paramètres',
    ]);
  });

  it('shows the open client workspace in the header', async () => {
    renderShell();
    expect(
      await screen.findByRole('button', { name: 'Dossier client : Menuiserie Durand — changer de dossier' }),
    ).toBeTruthy();
  });

  it('says "Local uniquement" in the header when no sync server is connected', () => {
    renderShell();
    expect(screen.getByTestId('sync-indicator').textContent).toContain('Local uniquement');
  });

  it('navigates to a screen and marks its link as current', async () => {
    renderShell();
    await userEvent.click(screen.getByRole('link', { name: 'Sinistres' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('page:claims');
    expect(screen.getByRole('link', { name: 'Sinistres' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers « Aller au contenu » as the first Tab stop, which moves focus past the navigation', async () => {
    renderShell();
    const user = userEvent.setup();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Aller au contenu' });
    expect(document.activeElement).toBe(skip);
    await user.keyboard('{Enter}');
    expect(document.activeElement?.id).toBe('main-content');
  });
});
