/**
 * Writes a model in CPLEX LP format, the text that parseLpFormat reads back and that glpsol,
 * CPLEX, Gurobi and HiGHS read: for export, and for teachers who want the model as text.
 */
import { isInteger, lowerOf, termsOf, upperOf, type LpModel, type LpVariable } from './lp-model';

/** Terms per line, so long rows stay readable. */
const TERMS_PER_LINE = 8;

/**
 * @example writeLpFormat(model) // "Maximize\n Z: + 0.1 x1 + 0.2 x2\nSubject To\n ..."
 */
export function writeLpFormat(model: LpModel): string {
  const out: string[] = [`\\ ${model.name ?? 'model'}`, model.sense === 'max' ? 'Maximize' : 'Minimize'];
  const objective = model.variables.filter((v) => v.objective !== 0).map((v): [string, number] => [v.name, v.objective]);
  // An objective needs a term to be written; a zero one keeps the line valid.
  if (objective.length === 0 && model.variables.length > 0) objective.push([model.variables[0].name, 0]);
  out.push(` ${model.objectiveName ?? 'obj'}:${terms(objective)}`);
  out.push('Subject To');
  for (const c of model.constraints) out.push(` ${c.name}:${terms(termsOf(c))} ${c.op} ${number(c.rhs)}`);
  // A variable that no row or objective names is kept by a bound line of its own.
  const named = new Set(objective.map(([name]) => name));
  for (const c of model.constraints) for (const name of Object.keys(c.terms)) named.add(name);
  const bounded = model.variables.filter((v) => (!(lowerOf(v) === 0 && upperOf(v) === Number.POSITIVE_INFINITY) || !named.has(v.name)) && !isBinary(v));
  if (bounded.length > 0) {
    out.push('Bounds');
    for (const v of bounded) out.push(` ${bound(v)}`);
  }
  const generals = model.variables.filter((v) => isInteger(v) && !isBinary(v));
  if (generals.length > 0) out.push('General', ...chunks(generals.map((v) => v.name)));
  const binaries = model.variables.filter(isBinary);
  if (binaries.length > 0) out.push('Binary', ...chunks(binaries.map((v) => v.name)));
  out.push('End', '');
  return out.join('\n');
}

function isBinary(v: LpVariable): boolean {
  return isInteger(v) && lowerOf(v) === 0 && upperOf(v) === 1;
}

function terms(list: [string, number][]): string {
  const parts = list.map(([name, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c) === 1 ? '' : `${number(Math.abs(c))} `}${name}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += TERMS_PER_LINE) lines.push(parts.slice(i, i + TERMS_PER_LINE).join(' '));
  return ' ' + lines.join('\n   ');
}

function bound(v: LpVariable): string {
  const lower = lowerOf(v);
  const upper = upperOf(v);
  if (lower === Number.NEGATIVE_INFINITY && upper === Number.POSITIVE_INFINITY) return `${v.name} free`;
  if (lower === upper) return `${v.name} = ${number(lower)}`;
  const low = lower === Number.NEGATIVE_INFINITY ? '-inf' : number(lower);
  const high = upper === Number.POSITIVE_INFINITY ? 'inf' : number(upper);
  return `${low} <= ${v.name} <= ${high}`;
}

/** Shortest text that reads back to the same double. */
function number(x: number): string {
  return String(x);
}

function chunks(names: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += TERMS_PER_LINE) lines.push(' ' + names.slice(i, i + TERMS_PER_LINE).join(' '));
  return lines;
}
