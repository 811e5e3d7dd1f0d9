/**
 * The demo workspace for the screens: `loadDemoWorkspace` writes the generated ledger (shared/demo) through
 * the ONE `importLedger` command, exactly as a real import does — rows, outbox operations and per-buyer
 * aggregates in one transaction. `useDemoWorkspace` gives the first-run panel and Paramètres what they need
 * without the database: load into the current (empty) workspace, or create a new workspace named by the
 * screen (« Démonstration »), fill it and switch to it.
 *
 * Invariants: the demo only ever goes into an EMPTY workspace (a user's ledger is never mixed with fictitious
 * buyers: `not-empty` otherwise); it is all or nothing, like any import. The `importedAt` of the record is the
 * real time of the load; everything else comes from `generateDemo({ seed: DEMO_SEED, today })`.
 */
import { useCallback } from 'react';
import { importLedger } from '../../shared/commands/import-ledger';
import { DEMO_SEED, generateDemo } from '../../shared/demo/generate-demo';
import type { LocalizedText } from '../../shared/domain/types';
import type { AppDB } from '../db/app-db';
import { runCommand } from '../db/run-command';
import type { RunContext } from '../db/run-command';
import { createWorkspace } from '../db/workspaces';
import { switchToWorkspace } from './backups';
import type { SwitchDeps } from './backups';
import { useWorkspace } from './workspace-context';

export type DemoPhase = 'generate' | 'write';
export type DemoProgress = { readonly phase: DemoPhase; readonly done: number; readonly total: number };

export type DemoOutcome =
  | { readonly ok: true; readonly buyers: number; readonly invoices: number }
  | {
      readonly ok: false;
      readonly code: 'not-empty' | 'write-failed';
      readonly message: LocalizedText;
    };

const NOT_EMPTY: LocalizedText = {
  fr: 'Ce dossier contient déjà des clients : les données de démonstration vont dans un dossier vide. Créez un dossier de démonstration depuis Paramètres → Données.',
  en: 'This workspace already holds buyers: demo data only goes into an empty workspace. Create a demo workspace from Settings → Data.',
};

/** Lets the screen paint the progress before the next synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function loadDemoWorkspace(
  db: AppDB,
  ctx: RunContext,
  onProgress: (progress: DemoProgress) => void = () => undefined,
): Promise<DemoOutcome> {
  if ((await db.buyers.count()) > 0) return { ok: false, code: 'not-empty', message: NOT_EMPTY };
  onProgress({ phase: 'generate', done: 0, total: 1 });
  await nextFrame();
  const generated = generateDemo({ seed: DEMO_SEED, today: ctx.today });
  const args = { ...generated, import: { ...generated.import, importedAt: ctx.now } };
  onProgress({ phase: 'write', done: 0, total: 1 });
  await nextFrame();
  const result = await runCommand(db, importLedger, args, ctx);
  if (!result.ok) return { ok: false, code: 'write-failed', message: result.error.message };
  onProgress({ phase: 'write', done: 1, total: 1 });
  return { ok: true, buyers: args.buyers.length, invoices: args.invoices.length };
}

/** Creates a workspace named `name`, loads the demo into it and closes it; answers its id. */
export async function createDemoWorkspace(
  name: string,
  ctx: RunContext,
  onProgress?: (progress: DemoProgress) => void,
): Promise<{ readonly id: string; readonly outcome: DemoOutcome }> {
  const { entry, db } = await createWorkspace({ name }, ctx.now);
  try {
    return { id: entry.id, outcome: await loadDemoWorkspace(db, ctx, onProgress) };
  } finally {
    db.close();
  }
}

export type DemoActions = {
  /** Loads the demo into the current workspace (which must be empty). */
  readonly loadHere: (onProgress?: (progress: DemoProgress) => void) => Promise<DemoOutcome>;
  /** Creates a new workspace `name` holding the demo, then opens it (the app reloads on success). */
  readonly createAndOpen: (
    name: string,
    onProgress?: (progress: DemoProgress) => void,
    deps?: SwitchDeps,
  ) => Promise<DemoOutcome>;
};

export function useDemoWorkspace(): DemoActions {
  const { db, actor, today } = useWorkspace();
  const loadHere = useCallback<DemoActions['loadHere']>(
    (onProgress) => loadDemoWorkspace(db, { actor, today, now: new Date().toISOString() }, onProgress),
    [db, actor, today],
  );
  const createAndOpen = useCallback<DemoActions['createAndOpen']>(
    async (name, onProgress, deps) => {
      const { id, outcome } = await createDemoWorkspace(
        name,
        { actor, today, now: new Date().toISOString() },
        onProgress,
      );
      if (outcome.ok) switchToWorkspace(id, deps);
      return outcome;
    },
    [actor, today],
  );
  return { loadHere, createAndOpen };
}
