/**
 * The policy (domain.md §3) for the screens: `usePolicy()` reads the stored policy row live and answers the
 * policy in force — DEFAULT_POLICY until the first `setPolicy` — with the row version a save must carry as its
 * `baseVersion` (0 before the first save); `useEffectivePolicy()` answers only the policy in force, for the
 * screens that compute with it (limits, « Puis-je livrer ? », claims). `undefined` while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { loadPolicy, policyOf } from '../../shared/commands/aggregates';
import { POLICY_ROW_ID } from '../../shared/commands/entities';
import type { Policy } from '../../shared/domain/policy';
import { dexieReader } from '../db/dexie-reader';
import { useWorkspace } from './workspace-context';

export type StoredPolicy = {
  readonly policy: Policy;
  /** The policy row's version: 0 while the defaults apply. */
  readonly version: number;
  readonly isDefault: boolean;
};

export function usePolicy(): StoredPolicy | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async (): Promise<StoredPolicy> => {
    const row = await db.policy.get(POLICY_ROW_ID);
    return { policy: policyOf(row), version: row?.version ?? 0, isDefault: row === undefined };
  }, [db]);
}

/** The policy in force (DEFAULT_POLICY until the first save), without the row version. */
export function useEffectivePolicy(): Policy | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => loadPolicy(dexieReader(db)), [db]);
}
