import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { openAppDb } from '../db/open-db';
import { useBuyers, useCommand, useOutboxCount } from './hooks';
import { WorkspaceProvider } from './workspace-context';
import type { RunCommand } from './hooks';

function BuyerList(props: { readonly onReady: (run: RunCommand) => void }): ReactNode {
  const buyers = useBuyers();
  const outbox = useOutboxCount();
  const { run } = useCommand();
  props.onReady(run);
  if (buyers === undefined) return <p>Chargement…</p>;
  return (
    <section>
      <ul aria-label="Clients">
        {buyers.map((buyer) => (
          <li key={buyer.id}>{buyer.name}</li>
        ))}
      </ul>
      <p>{`En attente : ${outbox ?? 0}`}</p>
    </section>
  );
}

describe('renderer/data hooks', () => {
  it('a buyer list updates live after a command', async () => {
    const db = await openAppDb(`hooks-${crypto.randomUUID()}`);
    let run: RunCommand | undefined;
    render(
      <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-03-01' }}>
        <BuyerList onReady={(r) => (run = r)} />
      </WorkspaceProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Clients' });
    expect(list.children).toHaveLength(0);
    await act(async () => {
      const result = await run?.('createBuyer', { id: 'b1', name: 'Dupont SARL' });
      expect(result?.ok).toBe(true);
    });
    expect(await screen.findByText('Dupont SARL')).toBeTruthy();
    expect(await screen.findByText('En attente : 1')).toBeTruthy();
    db.close();
  });
});
