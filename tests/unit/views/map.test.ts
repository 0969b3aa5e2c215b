import { describe, expect, it } from 'vitest';
import { LOOP_NODES, loopProgress, type LoopNode, type Progress } from '../../../src/core/plan/plan-status';
import { createPlan } from '../../../src/core/plan/create-plan';
import { buildLoopDiagram, escapeMermaidLabel, FEEDS_CRM, LOOP_EDGES } from '../../../src/views/map/diagram-text';
import { nodeTargets, targetHref, targetText, type MapTarget } from '../../../src/views/map/node-targets';
import { NODE_NAME } from '../../../src/views/map/loop-text';
import { prepareTarget } from '../../../src/views/map/open-target';
import { nodeOfElement } from '../../../src/views/map/bind-nodes';
import { t } from '../../../src/lib/i18n/i18n';
import type { PlanPart } from '../../../src/views/plan/plan.svelte';

const names = Object.freeze(Object.fromEntries(LOOP_NODES.map((node) => [node, t(NODE_NAME[node])])) as Record<LoopNode, string>);

/** The node lines of a diagram: id → label body. */
function labels(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/^ {2}(\w+)\(\[?"(.*)"\]?\)$/gm)) found.set(match[1], match[2]);
  return found;
}

/** The class each node is put in by `class a,b name` lines. */
function classes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/^ {2}class ([\w,]+) (\w+)$/gm)) for (const node of match[1].split(',')) found.set(node, match[2]);
  return found;
}

/** Turns mermaid entity codes back into characters, as mermaid does. */
const decode = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

describe('escapeMermaidLabel', () => {
  it('keeps letters, digits and spaces, in any script', () => {
    expect(escapeMermaidLabel('Market research 2025')).toBe('Market research 2025');
    expect(escapeMermaidLabel('市场调研 Ünïcode')).toBe('市场调研 Ünïcode');
  });

  it('turns quotes, brackets and markup into entity codes that read back as the same text', () => {
    const nasty = 'Say "hi" [x] (y) {z} <script>alert(1)</script> `md` #35; a|b; c:d & e';
    const escaped = escapeMermaidLabel(nasty);
    // Nothing but letters, digits, spaces and entity codes is left.
    expect(escaped.replace(/#\d+;/g, '')).toMatch(/^[\p{L}\p{N} ]*$/u);
    expect(escaped).toContain('#60;script#62;');
    expect(escaped).toContain('#34;hi#34;');
    expect(decode(escaped)).toBe(nasty);
  });

  it('cannot forge an entity code: a typed "#35;" stays those four characters', () => {
    expect(escapeMermaidLabel('#35;')).toBe('#35;35#59;');
    expect(decode(escapeMermaidLabel('#35;'))).toBe('#35;');
  });

  it('writes line breaks and control characters as single spaces', () => {
    expect(escapeMermaidLabel('a\nb\r\n\tc\u2028d')).toBe('a b c d');
  });

  it('escapes characters outside the basic plane whole', () => {
    expect(escapeMermaidLabel('✓ 😀')).toBe('#10003; #128512;');
  });
});

describe('buildLoopDiagram', () => {
  const progress: Record<LoopNode, Progress> = Object.freeze({
    marketResearch: 'done',
    segmentation: 'done',
    differentiation: 'in-progress',
    pricing: 'empty',
    channels: 'in-progress',
    contract: 'empty',
    crm: 'empty',
  });

  it('draws the seven nodes with their translated names, CRM as a stadium', () => {
    const text = buildLoopDiagram({ names, progress: null });
    expect(text.split('\n')[0]).toBe('flowchart LR');
    const found = labels(text);
    expect([...found.keys()]).toEqual([...LOOP_NODES]);
    expect(decode(found.get('marketResearch')!)).toBe('Market research');
    expect(decode(found.get('crm')!)).toBe('Customer relationship (CRM)');
    expect(text).toContain('  crm(["');
  });

  it('draws the loop in order, pricing and channels side by side, and a dashed link from every earlier stage to CRM', () => {
    const text = buildLoopDiagram({ names, progress: null });
    const solid = [...text.matchAll(/^ {2}(\w+) --> (\w+)$/gm)].map((m) => `${m[1]}>${m[2]}`);
    expect(solid).toEqual([
      'marketResearch>segmentation',
      'segmentation>differentiation',
      'differentiation>pricing',
      'differentiation>channels',
      'pricing>contract',
      'channels>contract',
      'contract>crm',
    ]);
    const dashed = [...text.matchAll(/^ {2}(\w+) -\.-> (\w+)$/gm)].map((m) => `${m[1]}>${m[2]}`);
    expect(dashed).toEqual(['marketResearch>crm', 'segmentation>crm', 'differentiation>crm', 'pricing>crm', 'channels>crm']);
    // The dashed links (numbered after the 7 solid ones) are drawn lighter.
    expect(text).toMatch(/^ {2}linkStyle 7,8,9,10,11 stroke:#[0-9a-f]{6}$/m);
    // Every stage but CRM reaches CRM, by the loop or directly.
    for (const node of LOOP_NODES.filter((n) => n !== 'crm')) {
      expect(LOOP_EDGES.some(([from, to]) => from === node && to === 'crm') || FEEDS_CRM.includes(node)).toBe(true);
    }
  });

  it('classes every node by the plan’s progress and marks it ✓ … ○, so the status reads without colour', () => {
    const text = buildLoopDiagram({ names, progress });
    const cls = classes(text);
    expect(Object.fromEntries(cls)).toEqual({
      marketResearch: 'done',
      segmentation: 'done',
      differentiation: 'inProgress',
      pricing: 'empty',
      channels: 'inProgress',
      contract: 'empty',
      crm: 'empty',
    });
    const found = labels(text);
    expect(decode(found.get('marketResearch')!)).toBe('✓ Market research');
    expect(decode(found.get('differentiation')!)).toBe('… Differentiation');
    expect(decode(found.get('crm')!)).toBe('○ Customer relationship (CRM)');
    // Each class used is defined once, with a border style of its own; none left undefined.
    expect(text.match(/^ {2}classDef done .*stroke-width:3px/m)).not.toBeNull();
    expect(text.match(/^ {2}classDef inProgress .*stroke-dasharray/m)).not.toBeNull();
    expect(text.match(/^ {2}classDef empty .*stroke-dasharray/m)).not.toBeNull();
    expect(text).not.toContain('classDef neutral');
    // No ';' on a classDef line: mermaid would take '#hex;' for an entity code.
    for (const line of text.split('\n').filter((l) => l.includes('classDef'))) expect(line).not.toContain(';');
  });

  it('leaves every node neutral and unmarked when no plan is open', () => {
    const text = buildLoopDiagram({ names, progress: null });
    expect(new Set(classes(text).values())).toEqual(new Set(['neutral']));
    expect(classes(text).size).toBe(7);
    expect(text).not.toMatch(/#10003;|#8230;|#9675;/);
  });

  it('follows the progress of a real plan: a new plan is all "empty"', () => {
    const text = buildLoopDiagram({ names, progress: loopProgress(createPlan()) });
    expect(new Set(classes(text).values())).toEqual(new Set(['empty']));
  });

  it('draws top to bottom when asked, with tighter spacing set in its front matter', () => {
    const text = buildLoopDiagram({ names, progress: null, direction: 'TB' });
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['---', 'config:', '  flowchart:', '    nodeSpacing: 18', '    rankSpacing: 34', '---']);
    expect(lines[6]).toBe('flowchart TB');
    expect(labels(text).size).toBe(7);
  });

  it('keeps hostile names inside their labels: still 7 nodes, 12 links, no raw markup', () => {
    const hostile = { ...names, segmentation: '"]) --> x[<img src=x onerror=alert(1)>] %%', contract: 'a\nclick contract call alert()' };
    const text = buildLoopDiagram({ names: hostile, progress: null });
    expect(labels(text).size).toBe(7);
    expect(text.split('\n')).toHaveLength(1 + 7 + 7 + 5 + 1 + 1 + 1);
    expect(text).not.toMatch(/<img|%%/);
    // The line break did not start a statement of its own: no `click` directive.
    expect(text).not.toMatch(/^\s*click/m);
    expect(decode(labels(text).get('segmentation')!)).toBe(hostile.segmentation);
  });
});

describe('nodeTargets', () => {
  const routeOf = (target: MapTarget) => (target.kind === 'part' ? `part:${target.part}` : `screen:${target.route}`);
  const all = (node: LoopNode, hasPlan: boolean) => nodeTargets(node, hasPlan).map(routeOf);

  it('leads each stage to its part of the plan or its tool, the click target first', () => {
    expect(all('marketResearch', true)).toEqual(['part:strategy-marketResearch']);
    expect(all('segmentation', true)).toEqual(['screen:data', 'screen:churn', 'part:strategy-segmentation']);
    expect(all('differentiation', true)).toEqual(['part:strategy-differentiation']);
    expect(all('pricing', true)).toEqual(['screen:pricing', 'part:strategy-pricingChannels']);
    expect(all('channels', true)).toEqual(['part:allocation', 'screen:allocation']);
    expect(all('contract', true)).toEqual(['part:strategy-contract']);
    expect(all('crm', true)).toEqual(['screen:churn', 'screen:loyalty', 'part:strategy-crm']);
  });

  it('sends channels to the Allocation screen when no plan is open', () => {
    expect(all('channels', false)).toEqual(['screen:allocation']);
  });

  it('gives plan parts the Plan screen’s address and every target a link text', () => {
    for (const node of LOOP_NODES) {
      for (const target of [...nodeTargets(node, true), ...nodeTargets(node, false)]) {
        expect(targetHref(target)).toBe(target.kind === 'part' ? '#/plan' : `#/${target.route}`);
        expect(t(targetText(target))).not.toMatch(/^map\./);
      }
    }
  });

  it('hands a plan part to the Plan screen before navigating, and nothing for a screen', () => {
    const shown: PlanPart[] = [];
    const plans = { showPart: (part: PlanPart) => void shown.push(part) };
    prepareTarget(nodeTargets('marketResearch', true)[0], plans);
    prepareTarget(nodeTargets('pricing', true)[0], plans);
    expect(shown).toEqual(['strategy-marketResearch']);
  });
});

describe('nodeOfElement', () => {
  const element = (id: string, dataId: string | null = null) => ({ id, getAttribute: (name: string) => (name === 'data-id' ? dataId : null) }) as unknown as Element;

  it('reads the node from data-id, or else from mermaid’s element id', () => {
    expect(nodeOfElement(element('x', 'pricing'))).toBe('pricing');
    expect(nodeOfElement(element('mermaid-diagram-3-flowchart-marketResearch-0'))).toBe('marketResearch');
    expect(nodeOfElement(element('mermaid-diagram-12-flowchart-crm-6'))).toBe('crm');
  });

  it('ignores anything that is not a stage of the loop', () => {
    expect(nodeOfElement(element('mermaid-diagram-3-flowchart-other-0'))).toBeNull();
    expect(nodeOfElement(element('L_pricing_crm_0'))).toBeNull();
    expect(nodeOfElement(element('x', 'constructor'))).toBeNull();
  });
});
