/**
 * The import Web Worker (a module worker that Vite bundles): receives the file bytes (transferred, not
 * copied), opens the workspace database here — Dexie works in workers — and runs `runImport`, posting
 * throttled progress. Keeps every heavy step (decode, parse, normalise, the bulk write) off the main thread.
 *
 * Cancel: a `cancel` message aborts at the next checkpoint; during the write the main thread terminates the
 * worker instead, which makes IndexedDB abort the uncommitted transaction.
 */
import { openAppDb } from '../../db/open-db';
import { StoreFailure, describeError } from '../../db/store-errors';
import { workerRequestSchema } from './import-protocol';
import type { StartMessage, WorkerResponse } from './import-protocol';
import { runImport } from './run-import';
import type { ImportOutcome, ImportProgress } from './run-import';

/** At most 10 progress messages a second: each one re-renders the Import screen on the main thread. */
const PROGRESS_INTERVAL_MS = 100;

let controller: AbortController | undefined;

function post(message: WorkerResponse): void {
  self.postMessage(message);
}

async function start(message: StartMessage): Promise<ImportOutcome> {
  controller = new AbortController();
  let db;
  try {
    db = await openAppDb(message.workspaceId);
  } catch (error) {
    if (error instanceof StoreFailure) return { status: 'failed', message: error.error.message };
    const detail = describeError(error);
    return {
      status: 'failed',
      message: {
        fr: `Impossible d'ouvrir les données de l'espace de travail (${detail}) : rien n'a été importé.`,
        en: `Could not open the workspace data (${detail}): nothing was imported.`,
      },
    };
  }
  let lastPost = 0;
  let lastPhase: ImportProgress['phase'] | undefined;
  const onProgress = (progress: ImportProgress): void => {
    const now = performance.now();
    // Throttled, but a phase change and a phase's end are always shown.
    if (
      progress.phase === lastPhase &&
      progress.done < progress.total &&
      now - lastPost < PROGRESS_INTERVAL_MS
    )
      return;
    lastPost = now;
    lastPhase = progress.phase;
    post({ type: 'progress', ...progress });
  };
  try {
    return await runImport(
      new Uint8Array(message.bytes),
      {
        db,
        fileName: message.fileName,
        kind: message.kind,
        ...(message.mapping === undefined ? {} : { mapping: message.mapping }),
        actor: message.actor,
        now: message.now,
        today: message.today,
        onImportId: (importId) => {
          post({ type: 'started', importId });
        },
      },
      onProgress,
      controller.signal,
    );
  } catch (error) {
    const detail = describeError(error);
    return {
      status: 'failed',
      message: {
        fr: `L'import a échoué (${detail}) : rien n'a été enregistré.`,
        en: `The import failed (${detail}): nothing was saved.`,
      },
    };
  } finally {
    db.close();
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = workerRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const request = parsed.data;
  if (request.type === 'cancel') {
    controller?.abort();
    return;
  }
  void start(request).then((outcome) => {
    post({ type: 'done', outcome });
  });
});
