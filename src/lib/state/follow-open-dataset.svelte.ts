/**
 * A screen that works on the data set open in the workspace follows it: each time another
 * one opens (or none), the screen is told, before the DOM updates, so the first paint already
 * shows it. Call while a component is being set up (it reads the workspace from context);
 * `screen` is a getter, as a component's props are.
 */
import { untrack } from 'svelte';
import { useWorkspace } from './context';
import type { OpenDataset, Workspace } from './Workspace.svelte';

export function followOpenDataset(screen: () => { useDataset(open: OpenDataset | null): void }): Workspace {
  const workspace = useWorkspace();
  $effect.pre(() => {
    const open = workspace.open;
    untrack(() => screen().useDataset(open));
  });
  return workspace;
}
