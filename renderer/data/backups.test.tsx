import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type Dexie from 'dexie';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeBackup } from '../../shared/backup/format';
import { fail, ok, type AutoBackupEntry } from '../../shared/ipc/contract';
import type { AppDB } from '../db/app-db';
import { openAppDb } from '../db/open-db';
import { createWorkspace, deleteWorkspace, listWorkspaces } from '../db/workspaces';
import { BackupsCard } from '../features/settings/BackupsCard';
import { initI18n } from '../i18n';
import { base64ToBytes, bytesToBase64 } from '../platform/base64';
import { LAST_WORKSPACE_KEY } from './bootstrap';
import {
  switchToWorkspace,
  useAutoBackupList,
  useAutoBackups,
  useBackupActions,
  type CheckedBackup,
} from './backups';
import { WorkspaceProvider } from './workspace-context';

const fakeBridge = vi.hoisted(() => ({
  saveFile: vi.fn(),
  openFile: vi.fn(),
  writeAutoBackup: vi.fn(),
  listAutoBackups: vi.fn(),
  readAutoBackup: vi.fn(),
}));
vi.mock('../platform/bridge', () => ({ bridge: fakeBridge, isDesktop: false }));

const NOT_SUPPORTED = fail('not-supported', 'desktop only');

let db: AppDB;
beforeEach(async () => {
  for (const fn of Object.values(fakeBridge)) fn.mockReset();
  fakeBridge.listAutoBackups.mockResolvedValue(NOT_SUPPORTED);
  const created = await createWorkspace(
    { name: 'Menuiserie Durand', siren: '552100554' },
    '2026-11-25T09:00:00Z',
  );
  db = created.db;
  await db.buyers.bulkAdd([
    { id: 'b1', name: 'Alpha', nameKey: 'alpha', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
    { id: 'b2', name: 'Bêta', nameKey: 'beta', limitHistoryVersion: 1, version: 2, updatedAt: 't' },
  ]);
  await db.invoices.add({
    id: 'i1',
    buyerId: 'b2',
    number: 'F-7',
    issueDate: '2026-10-01',
    dueDate: '2026-12-01',
    amountHtCents: 50_000,
    amountTtcCents: 60_000,
    currency: 'EUR',
    version: 1,
    updatedAt: 't',
  });
});
afterEach(async () => {
  db.close();
  for (const entry of await listWorkspaces()) await deleteWorkspace(entry.id);
});

function wrapper({ children }: { children: ReactNode }) {
  return (
    <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-11-25' }}>{children}</WorkspaceProvider>
  );
}

async function dump(target: Dexie, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = await target.table(name).toArray();
  return out;
}

const LEDGER_TABLES = ['buyers', 'invoices', 'payments', 'creditNotes', 'limitDecisions', 'claims', 'policy'];

describe('useBackupActions', () => {
  it('export → restore creates a second workspace with identical ledger rows', async () => {
    fakeBridge.saveFile.mockImplementation((args: { suggestedName: string }) =>
      Promise.resolve(ok({ savedAs: `/home/me/${args.suggestedName}` })),
    );
    const { result } = renderHook(() => useBackupActions(), { wrapper });

    const exported = await result.current.exportBackup();
    expect(exported.ok && exported.value?.savedAs).toMatch(
      /^\/home\/me\/encours-menuiserie-durand-.*\.encours-backup$/,
    );
    const saved: unknown = fakeBridge.saveFile.mock.calls[0]?.[0];
    if (
      typeof saved !== 'object' ||
      saved === null ||
      !('base64' in saved) ||
      typeof saved.base64 !== 'string'
    ) {
      throw new Error('saveFile was not called with bytes');
    }
    fakeBridge.openFile.mockResolvedValue(
      ok({ name: 'durand.encours-backup', size: 1, base64: saved.base64 }),
    );

    const chosen = await result.current.chooseBackupFile('Choisir');
    if (!chosen.ok || chosen.value === null) throw new Error('the exported file was not accepted');
    // 2 buyers + 1 invoice + the meta row written when the workspace was opened.
    expect(chosen.value).toMatchObject({ workspaceName: 'Menuiserie Durand', rowCount: 4 });

    const restored = await result.current.restoreBackup(
      chosen.value,
      ({ workspaceName }) => `${workspaceName} bis`,
    );
    if (!restored.ok) throw new Error('restore failed');
    expect(restored.value.name).toBe('Menuiserie Durand bis');
    expect((await listWorkspaces()).map((entry) => entry.name).sort()).toEqual([
      'Menuiserie Durand',
      'Menuiserie Durand bis',
    ]);
    const copy = await openAppDb(restored.value.id);
    expect(await dump(copy, LEDGER_TABLES)).toEqual(await dump(db, LEDGER_TABLES));
    copy.close();
  });

  it('refuses a truncated file with its French message, before any confirmation', async () => {
    fakeBridge.saveFile.mockResolvedValue(ok({ savedAs: 'x' }));
    const { result } = renderHook(() => useBackupActions(), { wrapper });
    await result.current.exportBackup();
    const saved: unknown = fakeBridge.saveFile.mock.calls[0]?.[0];
    if (
      typeof saved !== 'object' ||
      saved === null ||
      !('base64' in saved) ||
      typeof saved.base64 !== 'string'
    ) {
      throw new Error('saveFile was not called with bytes');
    }
    const bytes = base64ToBytes(saved.base64);
    const cut = btoa(String.fromCharCode(...bytes.subarray(0, Math.floor(bytes.length / 2))));
    fakeBridge.readAutoBackup.mockResolvedValue(ok({ base64: cut }));

    const chosen = await result.current.readAutoBackup('hourly-20261125-09.encours-backup');
    expect(chosen).toMatchObject({ ok: false, failure: { kind: 'backup', code: 'truncated' } });
    expect(fakeBridge.readAutoBackup).toHaveBeenCalledWith({
      workspaceId: db.workspaceId,
      file: 'hourly-20261125-09.encours-backup',
    });
  });

  it('says when the user cancelled the file choice or the save', async () => {
    fakeBridge.openFile.mockResolvedValue(ok(null));
    fakeBridge.saveFile.mockResolvedValue(ok(null));
    const { result } = renderHook(() => useBackupActions(), { wrapper });
    expect(await result.current.chooseBackupFile('Choisir')).toEqual({ ok: true, value: null });
    expect(await result.current.exportBackup()).toEqual({ ok: true, value: null });
  });

  it('passes a bridge failure on with its code', async () => {
    fakeBridge.openFile.mockResolvedValue(fail('file-too-large', 'big.encours-backup: 99 bytes'));
    const { result } = renderHook(() => useBackupActions(), { wrapper });
    expect(await result.current.chooseBackupFile('Choisir')).toEqual({
      ok: false,
      failure: { kind: 'bridge', code: 'file-too-large', detail: 'big.encours-backup: 99 bytes' },
    });
  });

  it('restoring a checked backup never changes the current workspace', async () => {
    fakeBridge.saveFile.mockResolvedValue(ok({ savedAs: 'x' }));
    const { result } = renderHook(() => useBackupActions(), { wrapper });
    const before = await dump(db, [...LEDGER_TABLES, 'meta', 'outbox']);
    await result.current.exportBackup();
    const saved: unknown = fakeBridge.saveFile.mock.calls[0]?.[0];
    if (
      typeof saved !== 'object' ||
      saved === null ||
      !('base64' in saved) ||
      typeof saved.base64 !== 'string'
    ) {
      throw new Error('saveFile was not called with bytes');
    }
    const backup: CheckedBackup = {
      bytes: base64ToBytes(saved.base64),
      sourceName: 'a.encours-backup',
      workspaceName: 'Menuiserie Durand',
      createdAt: '2026-11-25T09:00:00Z',
      rowCount: 4,
    };
    expect((await result.current.restoreBackup(backup, () => 'Copie')).ok).toBe(true);
    expect(await dump(db, [...LEDGER_TABLES, 'meta', 'outbox'])).toEqual(before);
  });
});

describe('switchToWorkspace', () => {
  it('records the workspace start-up opens, then reloads', () => {
    const storage = new Map<string, string>();
    const reload = vi.fn();
    switchToWorkspace('ws-2', {
      storage: {
        setItem: (key, value) => {
          storage.set(key, value);
        },
      },
      reload,
    });
    // The key start-up reads (bootstrap.ts) is the one the switch writes.
    expect(storage.get(LAST_WORKSPACE_KEY)).toBe('ws-2');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe('useAutoBackupList', () => {
  it('answers not-supported in browser mode', async () => {
    const { result } = renderHook(() => useAutoBackupList(), { wrapper });
    await waitFor(() => {
      expect(result.current.list).toEqual({ status: 'not-supported' });
    });
  });

  it('lists the desktop backups newest first', async () => {
    const entries: AutoBackupEntry[] = [
      {
        file: 'daily-20261124.encours-backup',
        kind: 'daily',
        createdAt: '2026-11-24T00:00:00.000Z',
        size: 2048,
      },
      {
        file: 'hourly-20261125-09.encours-backup',
        kind: 'hourly',
        createdAt: '2026-11-25T09:00:00.000Z',
        size: 4096,
      },
    ];
    fakeBridge.listAutoBackups.mockResolvedValue(ok(entries));
    const { result } = renderHook(() => useAutoBackupList(), { wrapper });
    await waitFor(() => {
      expect(result.current.list).toEqual({ status: 'ready', entries: [entries[1], entries[0]] });
    });
  });
});

describe('useAutoBackups (the scheduler)', () => {
  it('never exports in browser mode', async () => {
    const { unmount } = renderHook(
      () => {
        useAutoBackups();
      },
      { wrapper },
    );
    await waitFor(() => {
      expect(fakeBridge.listAutoBackups).toHaveBeenCalledTimes(1);
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(fakeBridge.writeAutoBackup).not.toHaveBeenCalled();
    unmount();
  });

  it('in the desktop app, backs up the current workspace at start and stops on unmount', async () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval');
    try {
      fakeBridge.listAutoBackups.mockResolvedValue(ok([]));
      fakeBridge.writeAutoBackup.mockResolvedValue(ok({ path: '/backups/x', kept: 1 }));
      const { unmount } = renderHook(
        () => {
          useAutoBackups();
        },
        { wrapper },
      );
      await waitFor(() => {
        expect(fakeBridge.writeAutoBackup).toHaveBeenCalledTimes(1);
      });
      const written: unknown = fakeBridge.writeAutoBackup.mock.calls[0]?.[0];
      expect(written).toHaveProperty('workspaceId', db.workspaceId);
      expect(written).toHaveProperty('base64');
      // The hourly check timer (one minute) is the scheduler's; unmounting clears exactly that timer.
      const schedulerTimer: unknown = setIntervalSpy.mock.results.find(
        (_, index) => setIntervalSpy.mock.calls[index]?.[1] === 60_000,
      )?.value;
      expect(schedulerTimer).toBeDefined();
      expect(clearIntervalSpy).not.toHaveBeenCalledWith(schedulerTimer);
      unmount();
      expect(clearIntervalSpy).toHaveBeenCalledWith(schedulerTimer);
    } finally {
      setIntervalSpy.mockRestore();
      clearIntervalSpy.mockRestore();
    }
  });
});

function renderCard(onOpenWorkspace?: (id: string) => void) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-11-25' }}>
        <BackupsCard onOpenWorkspace={onOpenWorkspace} />
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

/** A valid backup of a one-buyer workspace, at the current schema. */
async function backupBytes(): Promise<Uint8Array> {
  return serializeBackup({
    appVersion: '0.1.0',
    schemaVersion: 2,
    createdAt: '2026-11-24T17:45:00.000Z',
    workspace: { id: 'ws-old', name: 'Boulangerie Martin' },
    tables: {
      buyers: [
        { id: 'b1', name: 'Alpha', nameKey: 'alpha', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
      ],
    },
  });
}

describe('Paramètres → Sauvegardes (BackupsCard, lint keeps screens away from the database)', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('refuses a truncated file with the format’s French message, without asking to confirm', async () => {
    const bytes = await backupBytes();
    fakeBridge.openFile.mockResolvedValue(
      ok({
        name: 'cut.encours-backup',
        size: 10,
        base64: bytesToBase64(bytes.subarray(0, bytes.length - 30)),
      }),
    );
    renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Restaurer une sauvegarde…' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ce fichier de sauvegarde est incomplet (tronqué)');
    expect(screen.queryByText('Restaurer cette sauvegarde ?')).toBeNull();
    expect(await listWorkspaces()).toHaveLength(1);
  });

  it('asks for confirmation before restoring, then creates a new workspace and offers to open it', async () => {
    fakeBridge.openFile.mockResolvedValue(
      ok({ name: 'martin.encours-backup', size: 10, base64: bytesToBase64(await backupBytes()) }),
    );
    const onOpen = vi.fn();
    renderCard(onOpen);
    await userEvent.click(screen.getByRole('button', { name: 'Restaurer une sauvegarde…' }));

    const confirm = await screen.findByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
    expect(confirm.textContent).toContain('Un NOUVEL espace de travail sera créé');
    expect(confirm.textContent).toContain("L'espace actuel reste intact");
    expect(confirm.textContent).toContain('Boulangerie Martin');
    // Nothing is created before the user confirms.
    expect(await listWorkspaces()).toHaveLength(1);

    await userEvent.click(within(confirm).getByRole('button', { name: "Créer l'espace restauré" }));
    const done = await screen.findByRole('dialog', { name: 'Sauvegarde restaurée' });
    const entries = await listWorkspaces();
    expect(entries).toHaveLength(2);
    const restored = entries.find((entry) => entry.restoredFrom === 'martin.encours-backup');
    expect(restored?.name).toMatch(/^Boulangerie Martin \(restauré du 24\/11\/2026 \d\d:45\)$/);

    await userEvent.click(within(done).getByRole('button', { name: 'Ouvrir cet espace' }));
    expect(onOpen).toHaveBeenCalledWith(restored?.id);
  });

  it('cancelling the confirmation creates nothing', async () => {
    fakeBridge.openFile.mockResolvedValue(
      ok({ name: 'martin.encours-backup', size: 10, base64: bytesToBase64(await backupBytes()) }),
    );
    renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Restaurer une sauvegarde…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(await listWorkspaces()).toHaveLength(1);
  });

  it('in browser mode, says automatic backups exist in the desktop app only', async () => {
    renderCard();
    expect((await screen.findByTestId('auto-backups-browser-note')).textContent).toContain(
      "uniquement dans l'application de bureau",
    );
  });

  it('in the desktop app, lists automatic backups and restores one through the same confirmation', async () => {
    fakeBridge.listAutoBackups.mockResolvedValue(
      ok([
        {
          file: 'daily-20261124.encours-backup',
          kind: 'daily',
          createdAt: '2026-11-24T00:00:00.000Z',
          size: 3072,
        },
      ]),
    );
    fakeBridge.readAutoBackup.mockResolvedValue(ok({ base64: bytesToBase64(await backupBytes()) }));
    renderCard();
    const row = (await screen.findByText('Quotidienne')).closest('tr');
    if (row === null) throw new Error('no row');
    expect(row.textContent).toContain('3 Ko');
    await userEvent.click(within(row).getByRole('button', { name: /Restaurer la sauvegarde quotidienne/ }));
    expect(fakeBridge.readAutoBackup).toHaveBeenCalledWith({
      workspaceId: db.workspaceId,
      file: 'daily-20261124.encours-backup',
    });
    expect(await screen.findByRole('dialog', { name: 'Restaurer cette sauvegarde ?' })).toBeDefined();
  });

  it('exports the current workspace and says where the file went', async () => {
    fakeBridge.saveFile.mockResolvedValue(
      ok({ savedAs: '/home/me/encours-menuiserie-durand.encours-backup' }),
    );
    renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Exporter une sauvegarde' }));
    await waitFor(() => {
      expect(fakeBridge.saveFile).toHaveBeenCalledTimes(1);
    });
    const args: unknown = fakeBridge.saveFile.mock.calls[0]?.[0];
    expect(args).toHaveProperty('mimeType', 'application/json');
    const name =
      typeof args === 'object' && args !== null && 'suggestedName' in args ? args.suggestedName : null;
    expect(name).toMatch(/^encours-menuiserie-durand-\d{4}-\d{2}-\d{2}\.encours-backup$/);
    expect(
      await screen.findByText(/Sauvegarde enregistrée : \/home\/me\/encours-menuiserie-durand/),
    ).toBeDefined();
  });
});
