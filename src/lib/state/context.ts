/** Typed access to the app-wide workspace, shared through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { Workspace } from './Workspace.svelte';

const WORKSPACE = Symbol('workspace');

export function provideWorkspace(workspace: Workspace): void {
  setContext(WORKSPACE, workspace);
}

export function useWorkspace(): Workspace {
  return getContext<Workspace>(WORKSPACE);
}
