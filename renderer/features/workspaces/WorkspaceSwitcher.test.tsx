import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, ok } from '../../../shared/ipc/contract';
import { SettingsProvider } from '../../app/settings-context';
import { WorkspaceProvider } from '../../data/workspace-context';
import { isDeletionConfirmed } from '../../data/workspaces-hooks';
import type { AppDB } from '../../db/app-db';
import { workspaceDbName } from '../../db/app-db';
import { createWorkspace, deleteWorkspace, listWorkspaces } from '../../db/workspaces';
import { initI18n } from '../../i18n';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const fakeBridge = vi.hoisted(() => ({ forgetSyncConnection: vi.fn() }));
vi.mock('../../platform/bridge', () => ({ bridge: fakeBridge, isDesktop: false }));

let current: AppDB | undefined;
let otherId: string;

beforeAll(async () => {
  await initI18n('fr');
});

beforeEach(async () => {
  fakeBridge.forgetSyncConnection.mockReset();
  fakeBridge.forgetSyncConnection.mockResolvedValue(ok(null));
  current?.close();
  for (const entry of await listWorkspaces()) await deleteWorkspace(entry.id);
  current = (await createWorkspace({ name: 'Menuiserie Durand' }, '2026-11-20T09:00:00Z')).db;
  const other = await createWorkspace({ name: 'Boulangerie Martin' }, '2026-11-21T09:00:00Z');
  other.db.close();
  otherId = other.entry.id;
  const demo = await createWorkspace({ name: 'Démonstration', isDemo: true }, '2026-11-22T09:00:00Z');
  demo.db.close();
});

function openDb(): AppDB {
  if (current === undefined) throw new Error('no current workspace');
  return current;
}

function renderSwitcher() {
  return render(
    <MantineProvider>
      <Notifications />
      <SettingsProvider initial={DEFAULT_SETTINGS}>
        <WorkspaceProvider workspace={{ db: openDb(), actor: 'test', today: '2026-11-25' }}>
          <WorkspaceSwitcher />
        </WorkspaceProvider>
      </SettingsProvider>
    </MantineProvider>,
  );
}

async function openManage(user: ReturnType<typeof userEvent.setup>) {
  const button = await screen.findByRole('button', {
    name: 'Dossier client : Menuiserie Durand — changer de dossier',
  });
  // As a keyboard user does: focus the switcher, Enter opens the menu.
  button.focus();
  await user.keyboard('{Enter}');
  const manage = await screen.findByRole('menuitem', { name: 'Gérer les dossiers' });
  await user.click(manage);
  return screen.findByRole('dialog', { name: 'Gérer les dossiers clients' });
}

describe('workspace switcher', () => {
  it('shows the open workspace and lists the others, the demo marked', async () => {
    const user = userEvent.setup();
    renderSwitcher();
    const button = await screen.findByRole('button', {
      name: 'Dossier client : Menuiserie Durand — changer de dossier',
    });
    await user.click(button);
    const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
    expect(items).toEqual([
      'Menuiserie Durand',
      'Boulangerie Martin',
      'DémonstrationDémo',
      'Nouveau dossier client…',
      'Gérer les dossiers',
      'Réinitialiser la démonstration',
    ]);
    // Escape closes the menu and gives the focus back to the switcher.
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('menu')).toBeNull();
    });
  });

  it('deletes another workspace only once its name is typed back, and says what is lost', async () => {
    const user = userEvent.setup();
    renderSwitcher();
    const dialog = await openManage(user);
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer — Boulangerie Martin' }));
    expect(within(dialog).getByText(/clients, factures, règlements/)).toBeTruthy();
    expect(within(dialog).getByText(/Faites d'abord une sauvegarde/)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Supprimer définitivement' });
    const typed = within(dialog).getByLabelText(/tapez le nom du dossier/);
    expect(confirm).toHaveProperty('disabled', true);
    await user.type(typed, 'Boulangerie');
    expect(confirm).toHaveProperty('disabled', true);
    await user.type(typed, ' Martin');
    expect(confirm).toHaveProperty('disabled', false);
    await user.click(confirm);
    await waitFor(async () => {
      expect((await listWorkspaces()).map((entry) => entry.name)).toEqual([
        'Démonstration',
        'Menuiserie Durand',
      ]);
    });
    expect(await Dexie.exists(workspaceDbName(otherId))).toBe(false);
    expect(fakeBridge.forgetSyncConnection).toHaveBeenCalledWith({ workspaceId: otherId });
  });

  it('never deletes the open workspace: its delete button is disabled with the reason', async () => {
    const user = userEvent.setup();
    renderSwitcher();
    const dialog = await openManage(user);
    const button = within(dialog).getByRole('button', { name: /Supprimer — Menuiserie Durand/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-label')).toContain('ouvrez-en un autre avant de le supprimer');
    await user.click(button);
    expect(within(dialog).queryByRole('button', { name: 'Supprimer définitivement' })).toBeNull();
    expect(await Dexie.exists(workspaceDbName(openDb().workspaceId))).toBe(true);
  });

  it('renames a workspace', async () => {
    const user = userEvent.setup();
    renderSwitcher();
    const dialog = await openManage(user);
    await user.click(within(dialog).getByRole('button', { name: 'Renommer — Boulangerie Martin' }));
    const input = within(dialog).getByLabelText('Nouveau nom de « Boulangerie Martin »');
    await user.clear(input);
    await user.type(input, 'Boulangerie Martin & Fils{Enter}');
    await waitFor(async () => {
      expect((await listWorkspaces()).map((entry) => entry.name)).toContain('Boulangerie Martin & Fils');
    });
  });
});

describe('isDeletionConfirmed', () => {
  it.each([
    ['Boulangerie Martin', 'Boulangerie Martin', true],
    ['  Boulangerie Martin ', 'Boulangerie Martin', true],
    ['boulangerie martin', 'Boulangerie Martin', false],
    ['Boulangerie', 'Boulangerie Martin', false],
    ['', '', false],
  ])('%j against %j → %s', (typed, name, expected) => {
    expect(isDeletionConfirmed(typed, name)).toBe(expected);
  });
});
