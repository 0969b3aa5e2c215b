/**
 * The mermaid text of the strategy loop: market research → segmentation → differentiation →
 * pricing and channels → contract negotiation → CRM, with a dashed link from every earlier
 * stage to CRM (each stage feeds the customer relationship). Nodes are classed by the open
 * plan's progress, or all neutral when no plan is open.
 *
 * Pure: the labels come in already translated and are escaped here, so nothing in them can
 * change the diagram's syntax or reach the page as markup.
 */
import { LOOP_NODES, type LoopNode, type Progress } from '../../core/plan/plan-status';
import { STATUS_MARK } from './loop-text';

/** The class a node gets: its progress, or 'neutral' without a plan. */
export type NodeClass = Progress | 'neutral';

/** The solid arrows: the order of the loop (pricing and channels side by side). */
export const LOOP_EDGES: readonly (readonly [LoopNode, LoopNode])[] = [
  ['marketResearch', 'segmentation'],
  ['segmentation', 'differentiation'],
  ['differentiation', 'pricing'],
  ['differentiation', 'channels'],
  ['pricing', 'contract'],
  ['channels', 'contract'],
  ['contract', 'crm'],
];

/** The dashed links: every stage before contract negotiation also feeds CRM directly. */
export const FEEDS_CRM: readonly LoopNode[] = ['marketResearch', 'segmentation', 'differentiation', 'pricing', 'channels'];

/** The colour of the dashed links into CRM (the legend draws them alike). */
export const FEED_COLOUR = '#7b8494';

/** mermaid class names (mermaid ids cannot hold '-'). */
const CLASS_NAME: Record<NodeClass, string> = {
  done: 'done',
  'in-progress': 'inProgress',
  empty: 'empty',
  neutral: 'neutral',
};

/**
 * Fill, border and text of each class. Done is a thick solid border, in progress a dashed
 * one, not started a thin dotted one: the states differ without colour too. No ';' on these
 * lines: mermaid would read '#hex;' as an entity code.
 */
const CLASS_STYLE: Record<NodeClass, string> = {
  done: 'fill:#e3f4e8,stroke:#1f7a3a,stroke-width:3px,color:#123d20',
  'in-progress': 'fill:#fff6e0,stroke:#8a5a00,stroke-width:2px,stroke-dasharray:7 4,color:#4d3200',
  empty: 'fill:#ffffff,stroke:#5b6270,stroke-width:1.5px,stroke-dasharray:2 3,color:#1a1d23',
  neutral: 'fill:#ffffff,stroke:#5b6270,stroke-width:1.5px,color:#1a1d23',
};

/**
 * Writes any text as the body of a quoted mermaid label. Every character other than a
 * letter, a digit or a space becomes a mermaid entity code (`#60;` for '<'), which mermaid
 * turns back into that character *as text*: quotes cannot end the label, brackets cannot
 * open a shape, '<' cannot start a tag, '#' cannot forge an entity, a backtick cannot start
 * markdown. Line breaks and other control characters become spaces.
 * @example escapeMermaidLabel('Say "hi" <b>') // 'Say #34;hi#34; #60;b#62;'
 */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const char of text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')) {
    out += /^[\p{L}\p{N} ]$/u.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

export interface LoopDiagramOptions {
  /** The translated name of each node. */
  names: Record<LoopNode, string>;
  /** Each node's progress in the open plan; null when no plan is open (all neutral). */
  progress: Record<LoopNode, Progress> | null;
  /** 'LR' left to right (wide screens), 'TB' top to bottom (narrow ones). @default 'LR' */
  direction?: 'LR' | 'TB';
}

/** The class of a node for the given progress (null: no plan). */
export function nodeClass(node: LoopNode, progress: Record<LoopNode, Progress> | null): NodeClass {
  return progress ? progress[node] : 'neutral';
}

/**
 * The mermaid flowchart of the loop.
 * @example buildLoopDiagram({ names, progress: null }).startsWith('flowchart LR') // true
 */
export function buildLoopDiagram({ names, progress, direction = 'LR' }: LoopDiagramOptions): string {
  // Top to bottom is for narrow screens: tighter spacing keeps the labels legible there.
  const lines = direction === 'TB' ? ['---', 'config:', '  flowchart:', '    nodeSpacing: 18', '    rankSpacing: 34', '---'] : [];
  lines.push(`flowchart ${direction}`);
  for (const node of LOOP_NODES) {
    const mark = progress ? `${STATUS_MARK[progress[node]]} ` : '';
    // Rounded boxes; CRM, where the loop closes, is a stadium.
    const [open, close] = node === 'crm' ? ['(["', '"])'] : ['("', '")'];
    lines.push(`  ${node}${open}${escapeMermaidLabel(mark + names[node])}${close}`);
  }
  for (const [from, to] of LOOP_EDGES) lines.push(`  ${from} --> ${to}`);
  for (const from of FEEDS_CRM) lines.push(`  ${from} -.-> crm`);
  // The dashed links are lighter than the loop (still 3:1 against white), so the loop reads first.
  const dashed = FEEDS_CRM.map((_, i) => LOOP_EDGES.length + i);
  lines.push(`  linkStyle ${dashed.join(',')} stroke:${FEED_COLOUR}`);
  const used = new Set(LOOP_NODES.map((node) => nodeClass(node, progress)));
  for (const cls of used) lines.push(`  classDef ${CLASS_NAME[cls]} ${CLASS_STYLE[cls]}`);
  for (const cls of used) {
    const members = LOOP_NODES.filter((node) => nodeClass(node, progress) === cls);
    lines.push(`  class ${members.join(',')} ${CLASS_NAME[cls]}`);
  }
  return lines.join('\n');
}
