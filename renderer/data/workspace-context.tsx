/**
 * The current workspace for the screens. Screens import hooks from renderer/data only: the database
 * instance never leaves this folder.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { AppDB } from '../db/app-db';

export type Workspace = { readonly db: AppDB; readonly actor: string; readonly today: string };

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider(props: {
  readonly workspace: Workspace;
  readonly children: ReactNode;
}): ReactNode {
  return <WorkspaceContext.Provider value={props.workspace}>{props.children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) throw new Error('useWorkspace() outside <WorkspaceProvider>');
  return workspace;
}
