import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAppDb } from '../db/open-db';
import { DAY_CHECK_INTERVAL_MS, WorkspaceProvider, useWorkspace } from './workspace-context';

function Today() {
  return <p>{`Aujourd'hui : ${useWorkspace().today}`}</p>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('WorkspaceProvider', () => {
  it('moves today to the new local date when the clock passes midnight', async () => {
    const db = await openAppDb(`ctx-${crypto.randomUUID()}`);
    vi.useFakeTimers();
    // Local times: 23:59:30 on the 24th, then 00:00:30 on the 25th.
    let clock = new Date(2026, 10, 24, 23, 59, 30);
    render(
      <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-11-24' }} now={() => clock}>
        <Today />
      </WorkspaceProvider>,
    );
    expect(screen.getByText("Aujourd'hui : 2026-11-24")).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(DAY_CHECK_INTERVAL_MS);
    });
    expect(screen.getByText("Aujourd'hui : 2026-11-24")).toBeTruthy();
    clock = new Date(2026, 10, 25, 0, 0, 30);
    act(() => {
      vi.advanceTimersByTime(DAY_CHECK_INTERVAL_MS);
    });
    expect(screen.getByText("Aujourd'hui : 2026-11-25")).toBeTruthy();
    db.close();
  });
});
