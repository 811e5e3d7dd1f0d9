// usePolicy: the defaults before any save (version 0), then the saved row live after `setPolicy`.
import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { openAppDb } from '../db/open-db';
import { useCommand } from './hooks';
import type { RunCommand } from './hooks';
import { usePolicy } from './policy-hooks';
import { WorkspaceProvider } from './workspace-context';

function PolicyProbe(props: { readonly onReady: (run: RunCommand) => void }): ReactNode {
  const stored = usePolicy();
  props.onReady(useCommand().run);
  if (stored === undefined) return <p>Chargement…</p>;
  return (
    <p>{`v${stored.version} ${stored.isDefault ? 'défaut' : 'enregistrée'} ${stored.policy.premiumRateBp}`}</p>
  );
}

describe('usePolicy', () => {
  it('answers the defaults at version 0, then the saved policy', async () => {
    const db = await openAppDb(`policy-${crypto.randomUUID()}`);
    let run: RunCommand | undefined;
    render(
      <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-11-25' }}>
        <PolicyProbe onReady={(r) => (run = r)} />
      </WorkspaceProvider>,
    );
    expect(await screen.findByText(`v0 défaut ${DEFAULT_POLICY.premiumRateBp}`)).toBeTruthy();
    await act(async () => {
      const result = await run?.('setPolicy', {
        policy: { ...DEFAULT_POLICY, premiumRateBp: 45 },
        baseVersion: 0,
      });
      expect(result?.ok).toBe(true);
    });
    expect(await screen.findByText('v1 enregistrée 45')).toBeTruthy();
    db.close();
  });
});
