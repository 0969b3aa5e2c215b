/**
 * Makes the stages of the rendered diagram into links. mermaid's `click` directive does
 * nothing under securityLevel 'strict', so the listeners go on the SVG's node groups, which
 * also get role="link", a tab stop, a name and Enter to open.
 */
import { t } from '../../lib/i18n/i18n';
import { LOOP_NODES, type LoopNode, type Progress } from '../../core/plan/plan-status';
import type { PlanScreen } from '../plan/plan.svelte';
import { NODE_NAME, STATUS_TEXT } from './loop-text';
import { nodeTargets, targetText } from './node-targets';
import { openTarget } from './open-target';

function isLoopNode(id: string | undefined): id is LoopNode {
  return (LOOP_NODES as readonly string[]).includes(id ?? '');
}

/**
 * The loop node a rendered node group draws. mermaid 11 writes `data-id`, but its sanitising
 * may drop it; the element id (`<svg id>-flowchart-<node>-<n>`) is always there.
 */
export function nodeOfElement(element: Element): LoopNode | null {
  const id = element.getAttribute('data-id') ?? /-flowchart-(\w+)-\d+$/.exec(element.id)?.[1];
  return isLoopNode(id) ? id : null;
}

/** What the listeners need at the moment of a click (read then, so it is never stale). */
export interface NodeContext {
  progress: Record<LoopNode, Progress> | null;
  plans: Pick<PlanScreen, 'showPart'>;
}

/**
 * Binds every stage of `svg` to its primary target; returns the clean-up.
 */
export function bindDiagramNodes(svg: SVGSVGElement, context: () => NodeContext): () => void {
  const removers: (() => void)[] = [];
  const { progress } = context();
  for (const group of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
    const node = nodeOfElement(group);
    if (!node) continue;
    const primary = () => nodeTargets(node, context().progress !== null)[0];
    const name = t(NODE_NAME[node]);
    const target = t(targetText(primary()));
    group.setAttribute('role', 'link');
    group.setAttribute('tabindex', '0');
    group.setAttribute(
      'aria-label',
      progress ? t('map.nodeLink', { name, status: t(STATUS_TEXT[progress[node]]), target }) : t('map.nodeLinkNeutral', { name, target }),
    );
    group.dataset.testid = `map-node-${node}`;
    const open = () => openTarget(primary(), context().plans);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        open();
      }
    };
    group.addEventListener('click', open);
    group.addEventListener('keydown', onKey);
    removers.push(() => {
      group.removeEventListener('click', open);
      group.removeEventListener('keydown', onKey);
    });
  }
  return () => removers.forEach((remove) => remove());
}
