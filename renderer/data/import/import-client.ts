/**
 * Main-thread side of the import worker: starts one worker per import, transfers the file bytes (no copy),
 * forwards progress, and resolves with the outcome. Cancel posts `cancel` (honoured at the next checkpoint)
 * and, once the write has begun, terminates the worker: IndexedDB then aborts the uncommitted transaction.
 * Because the transaction may have committed just before, the caller checks the import record afterwards
 * (`importId`).
 */
import { workerResponseSchema } from './import-protocol';
import type { StartMessage } from './import-protocol';
import type { ImportOutcome, ImportProgress } from './run-import';

export type ImportJob = {
  readonly done: Promise<ImportOutcome>;
  /** Resolves with the import id once the worker has hashed the file (undefined if it never did). */
  readonly importId: () => string | undefined;
  readonly cancel: () => void;
};

export function startImportWorker(
  message: Omit<StartMessage, 'type'>,
  onProgress: (progress: ImportProgress) => void,
): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let importId: string | undefined;
  let phase: ImportProgress['phase'] | undefined;
  let settle: ((outcome: ImportOutcome) => void) | undefined;
  const done = new Promise<ImportOutcome>((resolve) => {
    settle = resolve;
  });
  const finish = (outcome: ImportOutcome): void => {
    worker.terminate();
    settle?.(outcome);
    settle = undefined;
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = workerResponseSchema.safeParse(event.data);
    if (!parsed.success) return;
    const response = parsed.data;
    if (response.type === 'started') importId = response.importId;
    else if (response.type === 'progress') {
      phase = response.phase;
      onProgress({ phase: response.phase, done: response.done, total: response.total });
    } else finish(response.outcome);
  });
  worker.addEventListener('error', (event) => {
    finish({
      status: 'failed',
      message: {
        fr: `Le module d'import s'est arrêté (${event.message}) : rien n'a été enregistré.`,
        en: `The import module stopped (${event.message}): nothing was saved.`,
      },
    });
  });
  worker.postMessage({ type: 'start', ...message } satisfies StartMessage, [message.bytes]);
  return {
    done,
    importId: () => importId,
    cancel: () => {
      if (phase === 'write') finish({ status: 'cancelled' });
      else worker.postMessage({ type: 'cancel' });
    },
  };
}
