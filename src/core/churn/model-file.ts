/**
 * A trained churn model as a file: plain JSON (typed arrays written as number lists) with
 * a kind and a version, so a model saved today scores a new export with the same columns
 * later, and a file that is not such a model is refused with a reason.
 */
import { fail, ok, type Result } from '../shared/result';
import type { ChurnModel } from './train-churn-model';
import type { FeatureSpec } from './features';
import type { Tree } from './forest';

export const MODEL_FILE_KIND = 'b2b-strategy-lab/churn-model';
export const MODEL_FILE_VERSION = 1;

/**
 * The model as JSON text.
 * @example const text = churnModelToJson(report.model); // save it as a .json file
 */
export function churnModelToJson(model: ChurnModel): string {
  const { forest } = model;
  return JSON.stringify({
    kind: MODEL_FILE_KIND,
    version: MODEL_FILE_VERSION,
    target: model.target,
    classes: model.classes,
    positive: model.positive,
    plan: model.plan,
    edges: model.edges.map((e) => Array.from(e)),
    forest: {
      classCount: forest.classCount,
      featureCount: forest.featureCount,
      importance: Array.from(forest.importance),
      options: { ...forest.options, maxDepth: Number.isFinite(forest.options.maxDepth) ? forest.options.maxDepth : null },
      trees: forest.trees.map((t) => ({
        feature: Array.from(t.feature),
        threshold: Array.from(t.threshold),
        left: Array.from(t.left),
        right: Array.from(t.right),
        value: Array.from(t.value),
      })),
    },
  });
}

/**
 * Reads a model file back, checking its kind, version and shape.
 * @returns the model, or MODEL_FILE_INVALID with what is wrong
 */
export function churnModelFromJson(text: string): Result<ChurnModel> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid('it is not JSON');
  }
  if (!isRecord(data) || data.kind !== MODEL_FILE_KIND) return invalid('it is not a churn model of this app');
  if (data.version !== MODEL_FILE_VERSION) return invalid(`it has version ${String(data.version)}, this app reads version ${MODEL_FILE_VERSION}`);
  const { classes, positive, plan, edges, forest, target } = data;
  if (typeof target !== 'string' || !isStringArray(classes) || classes.length < 2) return invalid('its classes are missing');
  if (typeof positive !== 'number' || !Number.isInteger(positive) || positive < 0 || positive >= classes.length) return invalid('its churn class is missing');
  if (!isRecord(plan) || !Array.isArray(plan.specs) || !isStringArray(plan.names) || plan.specs.length !== plan.names.length) return invalid('its features are missing');
  if (!Array.isArray(edges) || edges.length !== plan.specs.length || !edges.every(isNumberArray)) return invalid('its bins do not match its features');
  if (!isRecord(forest) || !Array.isArray(forest.trees) || forest.trees.length === 0 || !isNumberArray(forest.importance)) return invalid('it has no trees');
  const k = classes.length;
  const featureCount = plan.specs.length;
  const trees: Tree[] = [];
  for (const raw of forest.trees as unknown[]) {
    const tree = readTree(raw, k, featureCount);
    if (!tree) return invalid('one of its trees is damaged');
    trees.push(tree);
  }
  const options = isRecord(forest.options) ? forest.options : {};
  return ok({
    kind: 'churn-model',
    version: 1,
    target,
    classes,
    positive,
    plan: { specs: plan.specs as FeatureSpec[], names: plan.names },
    edges: edges.map((e) => Float64Array.from(e as number[])),
    forest: {
      kind: 'random-forest',
      version: 1,
      classCount: k,
      featureCount,
      trees,
      importance: Float64Array.from(forest.importance as number[]),
      options: { ...(options as object), maxDepth: typeof options.maxDepth === 'number' ? options.maxDepth : Number.POSITIVE_INFINITY } as ChurnModel['forest']['options'],
    },
  });
}

function readTree(raw: unknown, k: number, featureCount: number): Tree | null {
  if (!isRecord(raw)) return null;
  const { feature, threshold, left, right, value } = raw;
  if (![feature, threshold, left, right, value].every(isNumberArray)) return null;
  const n = (feature as number[]).length;
  if ([threshold, left, right].some((a) => (a as number[]).length !== n) || (value as number[]).length !== n * k) return null;
  for (let node = 0; node < n; node++) {
    const l = (left as number[])[node];
    if (l === -1) continue;
    // Children come after their parent and side by side; the feature must exist.
    if (l <= node || l + 1 >= n || (right as number[])[node] !== l + 1) return null;
    const f = (feature as number[])[node];
    if (!Number.isInteger(f) || f < 0 || f >= featureCount) return null;
  }
  return {
    feature: Int32Array.from(feature as number[]),
    threshold: Int32Array.from(threshold as number[]),
    left: Int32Array.from(left as number[]),
    right: Int32Array.from(right as number[]),
    value: Float32Array.from(value as number[]),
  };
}

function invalid(reason: string): Result<never> {
  return fail('MODEL_FILE_INVALID', `This file cannot be used as a churn model: ${reason}.`, { reason });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}
