/**
 * What the Import screen needs, without touching the database: the live import history, an import runner
 * (the worker, its progress, cancel and outcome), file inspection, and the remembered CSV column mappings.
 *
 * Mappings are a local preference of the workspace, not ledger data: they live in the `meta` table under
 * `csv-mapping:<target>:<mappingKey>` ids (beside the `local` row), are not synced and need no command.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { ImportRow } from '../../shared/commands/entities';
import {
  fromSavedMapping,
  mappingKey,
  savedCsvMappingSchema,
  toSavedMapping,
} from '../../shared/import/csv-mapping';
import type { CsvMapping, CsvTarget } from '../../shared/import/csv-mapping';
import { startImportWorker } from './import/import-client';
import type { ImportJob } from './import/import-client';
import type { ImportKind, ImportOutcome, ImportProgress } from './import/run-import';
import { useWorkspace } from './workspace-context';

export { inspectFile } from './import/inspect-file';
export type { FileInspection } from './import/inspect-file';
export { COUNTED_ENTITIES, csvTargetOf } from './import/run-import';
export type {
  CountedEntity,
  EntityCounts,
  ImportCounts,
  ImportKind,
  ImportOutcome,
  ImportPhase,
  ImportProgress,
  RejectedLine,
} from './import/run-import';

/** Every import of the workspace, newest first. */
export function useImports(): ImportRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.imports.orderBy('importedAt').reverse().toArray(), [db]);
}

export type ImportRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly fileName: string; readonly progress?: ImportProgress }
  | { readonly status: 'finished'; readonly fileName: string; readonly outcome: ImportOutcome };

export type ImportRunner = {
  readonly state: ImportRunState;
  readonly start: (file: File, kind: ImportKind, mapping?: Readonly<Record<string, number>>) => Promise<void>;
  readonly cancel: () => void;
  readonly reset: () => void;
};

export function useImportRunner(): ImportRunner {
  const { db, actor, today } = useWorkspace();
  const [state, setState] = useState<ImportRunState>({ status: 'idle' });
  const job = useRef<ImportJob | undefined>(undefined);
  useEffect(
    () => () => {
      job.current?.cancel();
    },
    [],
  );

  const start = useCallback(
    async (file: File, kind: ImportKind, mapping?: Readonly<Record<string, number>>) => {
      setState({ status: 'running', fileName: file.name });
      const bytes = await file.arrayBuffer();
      const current = startImportWorker(
        {
          workspaceId: db.workspaceId,
          bytes,
          fileName: file.name,
          kind,
          ...(mapping === undefined ? {} : { mapping: { ...mapping } }),
          actor,
          now: new Date().toISOString(),
          today,
        },
        (progress) => {
          setState({ status: 'running', fileName: file.name, progress });
        },
      );
      job.current = current;
      let outcome = await current.done;
      job.current = undefined;
      // A cancel during the write may come just after the commit: the import record tells.
      const importId = current.importId();
      if (outcome.status === 'cancelled' && importId !== undefined) {
        const record = await db.imports.get(importId);
        if (record !== undefined)
          outcome = { status: 'already-imported', importId, importedAt: record.importedAt };
      }
      setState({ status: 'finished', fileName: file.name, outcome });
    },
    [db, actor, today],
  );
  const cancel = useCallback(() => job.current?.cancel(), []);
  const reset = useCallback(() => {
    setState({ status: 'idle' });
  }, []);
  return { state, start, cancel, reset };
}

const mappingRowSchema = z.object({ id: z.string(), mapping: savedCsvMappingSchema, savedAt: z.string() });
type MappingRow = z.infer<typeof mappingRowSchema>;

const mappingRowId = (target: CsvTarget, headers: readonly string[]): string =>
  `csv-mapping:${target}:${mappingKey(headers)}`;

export type CsvMappingStore = {
  /** The mapping confirmed earlier for the same header row and target, if any. */
  readonly load: <T extends CsvTarget>(
    target: T,
    headers: readonly string[],
  ) => Promise<CsvMapping<T> | undefined>;
  readonly save: <T extends CsvTarget>(
    target: T,
    headers: readonly string[],
    mapping: CsvMapping<T>,
  ) => Promise<void>;
};

export function useCsvMappingStore(): CsvMappingStore {
  const { db } = useWorkspace();
  const load = useCallback(
    async <T extends CsvTarget>(
      target: T,
      headers: readonly string[],
    ): Promise<CsvMapping<T> | undefined> => {
      const stored: unknown = await db.table<MappingRow, string>('meta').get(mappingRowId(target, headers));
      const parsed = mappingRowSchema.safeParse(stored);
      return parsed.success ? fromSavedMapping(parsed.data.mapping, target, headers) : undefined;
    },
    [db],
  );
  const save = useCallback(
    async <T extends CsvTarget>(
      target: T,
      headers: readonly string[],
      mapping: CsvMapping<T>,
    ): Promise<void> => {
      await db.table<MappingRow, string>('meta').put({
        id: mappingRowId(target, headers),
        mapping: toSavedMapping(mapping, target, headers),
        savedAt: new Date().toISOString(),
      });
    },
    [db],
  );
  return { load, save };
}
