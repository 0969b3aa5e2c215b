/**
 * Writes a model in CPLEX LP format, the text that parseLpFormat reads back unchanged: for
 * export, and for teachers who want the model as text. glpsol, CPLEX, Gurobi and HiGHS read
 * it when every name is ASCII; the app also allows letters of other scripts (a plan may name
 * its channels in Chinese), which this app's reader reads but glpsol and CPLEX refuse.
 *
 * What is written, so that the text reads back to the same model:
 * - the title as a first comment line "\ Problem name: <title>", as CPLEX writes it (line
 *   breaks and tabs, which a title cannot hold anyway, become spaces);
 * - the objective with its name; when the order in which the variables first appear in the
 *   text would differ from the model's, every variable is written in the objective (those
 *   not in it with 0), so the order reads back too;
 * - bounds in the forms glpsol reads: "x >= L" for a lower bound alone ("L <= x <= inf" is
 *   refused: glpsol wants "+inf"), "-inf <= x <= U" for an upper bound alone (a lone
 *   "x <= U" keeps the default lower bound 0), "L <= x <= U", "x = V", "x free"; a variable
 *   named nowhere else gets "x >= 0" so it is kept;
 * - integers in General, and integers in [0, 1] in Binary.
 * The model is expected to be valid (validateLpModel): names that read back as names. A
 * model without constraints gets an empty Subject To section: this app reads it back, but
 * glpsol refuses it (it wants at least one row).
 */
import { isBinary, isInteger, lowerOf, termsOf, upperOf, type LpModel, type LpVariable } from './lp-model';

/** Terms per line, so long rows stay readable. */
const TERMS_PER_LINE = 8;

/**
 * @example writeLpFormat(model) // "\\ Problem name: plan\nMaximize\n Z: + 0.1 x1 + 0.2 x2\nSubject To\n ..."
 */
export function writeLpFormat(model: LpModel): string {
  const out: string[] = [];
  if (model.name !== undefined && model.name.trim() !== '') out.push(`\\ Problem name: ${oneLine(model.name)}`);
  out.push(model.sense === 'max' ? 'Maximize' : 'Minimize');
  let objective = model.variables.filter((v) => v.objective !== 0).map((v): [string, number] => [v.name, v.objective]);
  // An objective needs a term to be written; a zero one keeps the line valid.
  if (objective.length === 0 && model.variables.length > 0) objective.push([model.variables[0].name, 0]);
  const generals = model.variables.filter((v) => isInteger(v) && !isBinary(v));
  const binaries = model.variables.filter(isBinary);
  let bounded = boundedVariables(model, objective);
  if (!sameOrder(model, objective, bounded, generals, binaries)) {
    objective = model.variables.map((v): [string, number] => [v.name, v.objective]);
    bounded = boundedVariables(model, objective);
  }
  out.push(` ${model.objectiveName ?? 'obj'}:${terms(objective)}`);
  out.push('Subject To');
  for (const c of model.constraints) out.push(` ${c.name}:${terms(termsOf(c))} ${c.op} ${number(c.rhs)}`);
  if (bounded.length > 0) {
    out.push('Bounds');
    for (const v of bounded) out.push(` ${bound(v)}`);
  }
  if (generals.length > 0) out.push('General', ...chunks(generals.map((v) => v.name)));
  if (binaries.length > 0) out.push('Binary', ...chunks(binaries.map((v) => v.name)));
  out.push('End', '');
  return out.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Variables that need a bound line: bounds other than [0, ∞), or named nowhere else. Binaries have theirs. */
function boundedVariables(model: LpModel, objective: [string, number][]): LpVariable[] {
  const named = new Set(objective.map(([name]) => name));
  for (const c of model.constraints) for (const name of Object.keys(c.terms)) named.add(name);
  return model.variables.filter((v) => (!(lowerOf(v) === 0 && upperOf(v) === Number.POSITIVE_INFINITY) || !named.has(v.name)) && !isBinary(v));
}

/** True when the reader, which creates variables as it meets them, would keep the model's order. */
function sameOrder(model: LpModel, objective: [string, number][], bounded: LpVariable[], generals: LpVariable[], binaries: LpVariable[]): boolean {
  const met = new Set<string>();
  for (const [name] of objective) met.add(name);
  for (const c of model.constraints) for (const name of Object.keys(c.terms)) met.add(name);
  for (const list of [bounded, generals, binaries]) for (const v of list) met.add(v.name);
  let i = 0;
  for (const name of met) if (model.variables[i++]?.name !== name) return false;
  return i === model.variables.length;
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
  const infinite = (x: number) => !Number.isFinite(x);
  if (infinite(lower) && infinite(upper)) return `${v.name} free`;
  if (lower === upper) return `${v.name} = ${number(lower)}`;
  if (infinite(upper)) return `${v.name} >= ${number(lower)}`;
  if (infinite(lower)) return `-inf <= ${v.name} <= ${number(upper)}`;
  return `${number(lower)} <= ${v.name} <= ${number(upper)}`;
}

/** Shortest text that reads back to the same double ("1e+21", "1e-7": both read by glpsol). */
function number(x: number): string {
  return String(x);
}

function chunks(names: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += TERMS_PER_LINE) lines.push(' ' + names.slice(i, i + TERMS_PER_LINE).join(' '));
  return lines;
}
