/**
 * Team sync in browser mode against a REAL server started here on loopback (SQLite in a temp folder): a
 * workspace and an invite are created through the HTTP API, as an owner would; the user connects from
 * Paramètres and the header indicator turns "Synchronisé". The Conflits page lists recorded conflicts and
 * keeps resolved ones visible.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../server/src/start';
import { expect, test } from './fixtures';
import { ConflictsScreen, SyncIndicator, SyncSettingsCard } from './pages/sync-pages';
import { saveScreenshot } from './pages/app-shell';

const SCREENSHOTS = 'test-results/screenshots';

type Team = { readonly server: RunningServer; readonly inviteCode: string; close(): Promise<void> };

async function startTeam(): Promise<Team> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'encours-e2e-sync-'));
  const server = await startServer({ dataDir, port: 0, print: () => undefined });
  const post = async (url: string, token: string, body: unknown): Promise<Record<string, unknown>> => {
    const answer = await fetch(`${server.address}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(201);
    const parsed: unknown = await answer.json();
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    return Object.fromEntries(Object.entries(parsed));
  };
  const created = await post('/v1/workspaces', server.setupToken ?? '', {
    name: 'Dupont SAS',
    deviceName: 'PC',
  });
  const owner = created['owner'];
  const ownerToken =
    typeof owner === 'object' && owner !== null && 'token' in owner && typeof owner.token === 'string'
      ? owner.token
      : '';
  const invite = await post(`/v1/workspaces/${String(created['workspaceId'])}/invites`, ownerToken, {});
  return {
    server,
    inviteCode: String(invite['inviteCode']),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Records conflicts as the sync engine does (the conflicts table of the current workspace), then reloads. */
async function recordConflicts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const id = localStorage.getItem('encours.lastWorkspaceId') ?? '';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`encours-ws-${id}`);
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(new Error('cannot open the workspace database'));
      };
    });
    const reason = {
      fr: "L'historique de limite de Dupont SAS a changé depuis votre saisie : relisez-le avant d'enregistrer.",
      en: 'The limit history of Dupont SAS changed since you started: review it before saving.',
    };
    const decision = (amountCents: number) => ({
      id: `d-${amountCents}`,
      buyerId: 'b1',
      layer: 'named',
      kind: 'granted',
      decisionDate: '2026-11-20',
      effectiveDate: '2026-11-20',
      amountCents,
      currency: 'EUR',
    });
    const rows = [
      {
        opId: 'op-1',
        clientSeq: 1,
        command: 'recordLimitDecision',
        args: { baseVersion: 0, decision: decision(5_000_000) },
        status: 'conflict',
        reason,
        reasonCode: 'conflict',
        serverChanges: [{ entity: 'limitDecisions', id: 'd-server', fields: decision(3_000_000) }],
        createdAt: '2026-11-24T16:10:00.000Z',
        recordedAt: '2026-11-25T08:15:00.000Z',
      },
      {
        opId: 'op-2',
        clientSeq: 2,
        command: 'recordLimitDecision',
        args: { baseVersion: 1, decision: decision(4_000_000) },
        status: 'conflict',
        reason,
        reasonCode: 'conflict',
        serverChanges: [{ entity: 'limitDecisions', id: 'd-server', fields: decision(3_000_000) }],
        createdAt: '2026-11-24T17:00:00.000Z',
        recordedAt: '2026-11-25T08:15:00.000Z',
      },
    ];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('conflicts', 'readwrite');
      for (const row of rows) tx.objectStore('conflicts').put(row);
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(new Error('cannot write the conflicts'));
      };
    });
    db.close();
  });
  await page.reload();
}

test('connect to a team server from Paramètres: the indicator turns "Synchronisé"', async ({ app, page }) => {
  const team = await startTeam();
  try {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await app.open();
    const indicator = new SyncIndicator(page);
    await expect(indicator.badge).toHaveText(/Local uniquement/);

    const settings = new SyncSettingsCard(page, app);
    await settings.open();
    await expect(
      settings.card.getByText(/la connexion est oubliée à la fermeture de l'onglet/),
    ).toBeVisible();
    // (A refused invite code is covered by the card's component test: Chromium logs every 4xx answer as a
    // console error, which this suite treats as a failure.)
    await settings.connect(team.server.address, team.inviteCode, 'Portable de Marie');
    await expect(indicator.badge).toHaveAttribute('data-status', 'idle');
    await expect(indicator.badge).toHaveText(/Synchronisé/);
    await expect(settings.card.getByText(team.server.address)).toBeVisible();
    await expect(settings.card.getByText('Portable de Marie')).toBeVisible();
    await expect(settings.card.getByTestId('sync-last')).toHaveText('25/11/2026 09:30');
    await saveScreenshot(page, `${SCREENSHOTS}/fr-sync-settings.png`);

    const details = await indicator.openDetails();
    await expect(details).toContainText('Aucune modification en attente');
    await expect(details.getByRole('button', { name: 'Synchroniser maintenant' })).toBeEnabled();
    await page.screenshot({ path: `${SCREENSHOTS}/fr-sync-indicator.png`, animations: 'disabled' });
    await details.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(details.getByRole('button', { name: 'Synchroniser maintenant' })).toBeEnabled();
    await expect(indicator.badge).toHaveAttribute('data-status', 'idle');
  } finally {
    await team.close();
  }
});

test('Conflits lists recorded conflicts, and a choice moves one to "Résolus"', async ({ app, page }) => {
  await app.open();
  const conflicts = new ConflictsScreen(page, app);
  await conflicts.open();
  await expect(page.getByRole('heading', { level: 2, name: 'Aucun conflit' })).toBeVisible();

  await recordConflicts(page);
  await expect(app.heading()).toHaveText('Conflits');
  // The navigation shows the count of conflicts to review.
  await expect(app.navigation.getByRole('link', { name: 'Conflits' })).toContainText('2');
  await expect(page.getByRole('heading', { level: 2, name: 'À traiter (2)' })).toBeVisible();
  const [first] = await conflicts.card('Décision de limite de crédit').all();
  if (first === undefined) throw new Error('no conflict card');
  await expect(first).toContainText('Ce que vous vouliez');
  await expect(first).toContainText('Ce que le serveur a gardé');
  await first.getByRole('button', { name: 'Garder la valeur du serveur' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Résolus (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'À traiter (1)' })).toBeVisible();
  await expect(conflicts.section(/Résolus/)).toContainText('Valeur du serveur gardée le');
  await expect(app.navigation.getByRole('link', { name: 'Conflits' })).toContainText('1');
  await saveScreenshot(page, `${SCREENSHOTS}/fr-conflicts.png`);
});
