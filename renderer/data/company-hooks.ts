/**
 * « Votre entreprise » for the screens: `useCompany()` reads the stored identity row live, with the row
 * version a save must carry as `baseVersion` (0 before the first save), and the SIREN found in the latest
 * FEC import (the FEC file name starts with it) to prefill an empty form. `undefined` while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { COMPANY_ROW_ID } from '../../shared/commands/entities';
import type { CompanyRow } from '../../shared/commands/entities';
import { useWorkspace } from './workspace-context';

export type StoredCompany = {
  /** Absent until the first save. */
  readonly company: CompanyRow | undefined;
  readonly version: number;
  /** The company SIREN of the most recent import that carried one. */
  readonly importedSiren: string | undefined;
};

export function useCompany(): StoredCompany | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async (): Promise<StoredCompany> => {
    const [company, imports] = await Promise.all([
      db.company.get(COMPANY_ROW_ID),
      db.imports.orderBy('importedAt').reverse().toArray(),
    ]);
    const importedSiren = imports.find((row) => row.companySiren !== undefined)?.companySiren;
    return { company, version: company?.version ?? 0, importedSiren };
  }, [db]);
}
