import 'fake-indexeddb/auto';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { SyncProvider } from '../../data/sync';
import type { SyncDeps } from '../../data/sync';
import { WorkspaceProvider } from '../../data/workspace-context';
import { initI18n } from '../../i18n';
import { syncConnectionKey } from '../../platform/browser-bridge';
import type { SyncEngine, SyncEngineConfig, SyncState } from '../../sync/engine';
import { syncFailure } from '../../sync/sync-errors';
import { SyncCard, serverUrlProblem } from './SyncCard';

/** An engine that records its life and whose state the test sets. */
function fakeEngines() {
  const made: { config: SyncEngineConfig; started: boolean; stopped: boolean; set(s: SyncState): void }[] =
    [];
  const createEngine = (_db: AppDB, config: SyncEngineConfig): SyncEngine => {
    let state: SyncState = { status: 'idle', pendingOps: 0, lastSyncAt: null, isLeader: true };
    const listeners = new Set<(s: SyncState) => void>();
    const record = {
      config,
      started: false,
      stopped: false,
      set(next: SyncState) {
        state = next;
        for (const listener of listeners) listener(state);
      },
    };
    made.push(record);
    return {
      start: () => {
        record.started = true;
      },
      stop: () => {
        record.stopped = true;
        return Promise.resolve();
      },
      getState: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      syncNow: () => Promise.resolve(state),
      resume: () => undefined,
    };
  };
  return { made, createEngine };
}

function renderCard(db: AppDB, deps: SyncDeps) {
  return render(
    <MantineProvider>
      <Notifications />
      <WorkspaceProvider workspace={{ db, actor: 'Marie', today: '2026-03-01' }}>
        <SyncProvider deps={deps}>
          <SyncCard />
        </SyncProvider>
      </WorkspaceProvider>
    </MantineProvider>,
  );
}

describe('Paramètres → Synchronisation d’équipe', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  beforeEach(() => {
    window.sessionStorage.clear();
  });

  it.each([
    ['', 'urlRequired'],
    ['encours.example.fr', 'urlInvalid'],
    ['http://encours.example.fr', 'urlInvalid'],
    ['ftp://127.0.0.1', 'urlInvalid'],
    ['https://encours.example.fr', null],
    ['http://127.0.0.1:8787', null],
    ['http://localhost:8787/', null],
  ])('server address %j → %s', (value, problem) => {
    expect(serverUrlProblem(value)).toBe(problem);
  });

  it('checks the form before sending anything', async () => {
    const db = await openAppDb(`sync-card-${crypto.randomUUID()}`);
    const register = vi.fn();
    renderCard(db, { register, createEngine: fakeEngines().createEngine });
    await userEvent.click(await screen.findByRole('button', { name: 'Se connecter' }));
    expect(screen.getByText("Indiquez l'adresse du serveur.")).toBeTruthy();
    expect(screen.getByText("Indiquez le code d'invitation.")).toBeTruthy();
    expect(register).not.toHaveBeenCalled();
    // Browser mode says the connection lasts as long as the tab.
    expect(screen.getByText(/la connexion est oubliée à la fermeture de l'onglet/)).toBeTruthy();
  });

  it('connects with the invite code, keeps the token for the tab only, starts the engine, then disconnects', async () => {
    const db = await openAppDb(`sync-card-${crypto.randomUUID()}`);
    const engines = fakeEngines();
    const register = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          token: 'enc_device-token',
          deviceId: 'dev-1',
          workspaceId: 'remote-ws',
          role: 'member' as const,
          expiresAt: '2027-03-01T00:00:00.000Z',
        },
      }),
    );
    const fetch = vi.fn(() => Promise.resolve(new Response('{}', { status: 200 })));
    renderCard(db, { register, createEngine: engines.createEngine, fetch });

    await userEvent.type(await screen.findByLabelText(/Adresse du serveur/), 'http://127.0.0.1:8787/');
    await userEvent.type(screen.getByLabelText(/Code d'invitation/), ' inv_abc ');
    expect(screen.getByLabelText<HTMLInputElement>(/Nom de ce poste/).value).toBe(
      'Poste Encours (navigateur)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('button', { name: 'Synchroniser maintenant' })).toBeTruthy();
    expect(register).toHaveBeenCalledWith(
      'http://127.0.0.1:8787',
      { inviteCode: 'inv_abc', deviceName: 'Poste Encours (navigateur)' },
      fetch,
    );
    // The engine talks to the SERVER's workspace id with the new token.
    expect(engines.made).toHaveLength(1);
    expect(engines.made[0]).toMatchObject({
      started: true,
      config: { serverUrl: 'http://127.0.0.1:8787', workspaceId: 'remote-ws', token: 'enc_device-token' },
    });
    expect(window.sessionStorage.getItem(syncConnectionKey(db.workspaceId))).toContain('enc_device-token');
    expect(screen.getByText('http://127.0.0.1:8787')).toBeTruthy();

    engines.made[0]?.set({
      status: 'paused',
      pendingOps: 3,
      lastSyncAt: null,
      isLeader: true,
      error: syncFailure('unauthorized'),
    });
    expect(await screen.findByText(/L'accès de ce poste a été révoqué/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Se déconnecter du serveur ?' });
    expect(dialog.textContent).toContain('Les modifications non envoyées (3) sont conservées');
    const confirm = Array.from(dialog.querySelectorAll('button')).find(
      (b) => b.textContent === 'Se déconnecter',
    );
    if (confirm === undefined) throw new Error('no confirm button');
    await userEvent.click(confirm);
    expect(await screen.findByRole('button', { name: 'Se connecter' })).toBeTruthy();
    expect(engines.made[0]?.stopped).toBe(true);
    expect(window.sessionStorage.getItem(syncConnectionKey(db.workspaceId))).toBeNull();
    // The forgotten token is revoked on the server (best effort), with itself as the credential.
    await waitFor(() => {
      expect(fetch).toHaveBeenCalledWith(
        'http://127.0.0.1:8787/v1/devices/dev-1',
        expect.objectContaining({ method: 'DELETE', headers: { authorization: 'Bearer enc_device-token' } }),
      );
    });
  });

  it('words a refused invite code', async () => {
    const db = await openAppDb(`sync-card-${crypto.randomUUID()}`);
    const register = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: syncFailure('unauthorized', { status: 401 }) }),
    );
    renderCard(db, { register, createEngine: fakeEngines().createEngine });
    await userEvent.type(await screen.findByLabelText(/Adresse du serveur/), 'https://sync.example.fr');
    await userEvent.type(screen.getByLabelText(/Code d'invitation/), 'inv_used');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText(/Code d'invitation inconnu, déjà utilisé ou expiré/)).toBeTruthy();
    expect(window.sessionStorage.length).toBe(0);
  });
});
