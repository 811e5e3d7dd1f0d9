/**
 * The current workspace for the screens. Screens import hooks from renderer/data only: the database
 * instance never leaves this folder.
 *
 * `today` follows the calendar: the provider checks the local date every minute, so an app left open past
 * midnight moves to the new day (commands then compute for it, and the stored aggregates are refreshed).
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { AppDB } from '../db/app-db';

export type Workspace = { readonly db: AppDB; readonly actor: string; readonly today: string };

/** How often the provider looks at the clock for a change of day. */
export const DAY_CHECK_INTERVAL_MS = 60_000;

/** The local calendar date (not UTC: a French user at 00:30 is already on the next day). */
export function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider(props: {
  readonly workspace: Workspace;
  readonly children: ReactNode;
  /** The clock read each minute (tests give a fake one). */
  readonly now?: () => Date;
}): ReactNode {
  const { workspace, now } = props;
  const [today, setToday] = useState(workspace.today);
  useEffect(() => {
    const read = now ?? (() => new Date());
    const timer = setInterval(() => {
      setToday(localIsoDate(read()));
    }, DAY_CHECK_INTERVAL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [now]);
  const value = useMemo(() => ({ ...workspace, today }), [workspace, today]);
  return <WorkspaceContext.Provider value={value}>{props.children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) throw new Error('useWorkspace() outside <WorkspaceProvider>');
  return workspace;
}
