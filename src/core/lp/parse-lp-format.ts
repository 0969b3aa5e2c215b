/**
 * Reads a model in CPLEX LP format (the text format glpsol, CPLEX, Gurobi and HiGHS read):
 * an objective section (Maximize / Minimize), Subject To, optional Bounds, General, Binary
 * and End; comments start with a backslash. Errors name the line, and nothing is guessed.
 * https://www.ibm.com/docs/en/icos/22.1.1?topic=cplex-lp-file-format-algebraic-representation
 */
import { fail, ok, type Result } from '../shared/result';
import { LP_NAME as NAME, record, type ConstraintOp, type LpConstraint, type LpModel, type LpVariable } from './lp-model';

type Section = 'none' | 'objective' | 'constraints' | 'bounds' | 'general' | 'binary' | 'end';

const SECTION_WORDS: [RegExp, Section][] = [
  [/^(maximize|maximise|maximum|max)$/i, 'objective'],
  [/^(minimize|minimise|minimum|min)$/i, 'objective'],
  [/^(subject\s+to|such\s+that|s\.t\.|st)$/i, 'constraints'],
  [/^bounds?$/i, 'bounds'],
  [/^(generals?|gen|integers?)$/i, 'general'],
  [/^(binary|binaries|bin)$/i, 'binary'],
  [/^end$/i, 'end'],
];


interface Token {
  text: string;
  line: number;
}

/**
 * Parses LP-format text.
 * @returns the model, or LP_PARSE with the line and what is wrong
 * @example parseLpFormat('Maximize\n obj: x + y\nSubject To\n c: x + 2 y <= 4\nEnd\n')
 */
export function parseLpFormat(text: string, name = 'model'): Result<LpModel> {
  const model: LpModel = { name, sense: 'max', objectiveName: 'obj', variables: [], constraints: [] };
  const variables = new Map<string, LpVariable>();
  const variable = (varName: string): LpVariable => {
    let v = variables.get(varName);
    if (!v) {
      v = { name: varName, objective: 0, lower: 0, upper: Number.POSITIVE_INFINITY, integer: false };
      variables.set(varName, v);
      model.variables.push(v);
    }
    return v;
  };

  // Statements: the objective is one statement; each constraint ends at its right-hand side.
  let section: Section = 'none';
  let sawObjective = false;
  let pending: Token[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  const error = (line: number, message: string) => fail<LpModel>('LP_PARSE', `Line ${line}: ${message}`, { line, detail: message });

  const flush = (): Result<null> => {
    if (pending.length === 0) return ok(null);
    const tokens = pending;
    pending = [];
    if (section === 'objective') {
      const parsed = readExpression(tokens, true);
      if (!parsed.ok) return parsed;
      if (parsed.value.name) model.objectiveName = parsed.value.name;
      for (const [varName, coefficient] of parsed.value.terms) variable(varName).objective += coefficient;
      return ok(null);
    }
    if (section === 'constraints') {
      const parsed = readConstraint(tokens, model.constraints.length + 1);
      if (!parsed.ok) return parsed;
      for (const varName of Object.keys(parsed.value.terms)) variable(varName);
      model.constraints.push(parsed.value);
      return ok(null);
    }
    return ok(null);
  };

  for (let index = 0; index < lines.length && section !== 'end'; index++) {
    const lineNumber = index + 1;
    const comment = lines[index].indexOf('\\');
    const content = (comment >= 0 ? lines[index].slice(0, comment) : lines[index]).trim();
    if (content === '') continue;
    const heading = SECTION_WORDS.find(([pattern]) => pattern.test(content));
    if (heading) {
      const done = flush();
      if (!done.ok) return done;
      section = heading[1];
      if (section !== 'objective' && section !== 'end' && !sawObjective) {
        return error(lineNumber, `"${content}" comes before the objective; start with Maximize or Minimize.`);
      }
      if (section === 'objective') {
        if (sawObjective) return error(lineNumber, 'a second objective section; a model has one objective.');
        sawObjective = true;
        model.sense = /^min/i.test(content) ? 'min' : 'max';
      }
      continue;
    }
    if (section === 'none') return error(lineNumber, `"${content}" comes before the objective; start with Maximize or Minimize.`);
    const tokens = tokenize(content, lineNumber);
    if (!tokens.ok) return tokens;
    if (section === 'objective' || section === 'constraints') {
      pending.push(...tokens.value);
      // A constraint is complete once its right-hand side has been read.
      if (section === 'constraints' && endsWithRightHandSide(pending)) {
        const done = flush();
        if (!done.ok) return done;
      }
    } else if (section === 'bounds') {
      const done = readBound(tokens.value, variable);
      if (!done.ok) return done;
    } else if (section === 'general' || section === 'binary') {
      for (const token of tokens.value) {
        if (!NAME.test(token.text)) return error(token.line, `"${token.text}" is not a variable name.`);
        const v = variable(token.text);
        v.integer = true;
        if (section === 'binary') {
          v.lower = 0;
          v.upper = 1;
        }
      }
    }
  }
  if (section !== 'end') {
    const done = flush();
    if (!done.ok) return done;
  }
  if (!sawObjective) return error(lines.length, 'no objective: the file needs a Maximize or Minimize section.');
  if (pending.length > 0) return error(pending[0].line, 'a constraint without a sense and right-hand side.');
  if (model.variables.length === 0) return error(lines.length, 'the model has no variables.');
  return ok(model);
}

function tokenize(content: string, line: number): Result<Token[]> {
  const tokens: Token[] = [];
  const pattern = /\s*(<=|>=|=<|=>|<|>|=|[+-]|:|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|[^\s:<>=+-]+)/y;
  let at = 0;
  while (at < content.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(content);
    if (!match) return fail('LP_PARSE', `Line ${line}: cannot read "${content.slice(at)}".`, { line, detail: content.slice(at) });
    if (match[1] !== undefined) tokens.push({ text: match[1], line });
    at = pattern.lastIndex;
    while (at < content.length && content[at] === ' ') at++;
  }
  return ok(tokens);
}

function isNumber(text: string): boolean {
  return /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?$/.test(text) || /^[+-]?inf(inity)?$/i.test(text);
}

function numberOf(text: string): number {
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  return Number(text);
}

function isSense(text: string): boolean {
  return ['<=', '>=', '=<', '=>', '<', '>', '='].includes(text);
}

function senseOf(text: string): ConstraintOp {
  if (text === '=') return '=';
  return text.startsWith('<') || text === '=<' ? '<=' : '>=';
}

/** True when the tokens end with a sense followed by a (signed) number. */
function endsWithRightHandSide(tokens: Token[]): boolean {
  const n = tokens.length;
  if (n >= 2 && isSense(tokens[n - 2].text) && isNumber(tokens[n - 1].text)) return true;
  return n >= 3 && isSense(tokens[n - 3].text) && (tokens[n - 2].text === '-' || tokens[n - 2].text === '+') && isNumber(tokens[n - 1].text);
}

/** "name:" (optional) then terms "+ 2 x - y"; returns the summed coefficient per variable. */
function readExpression(tokens: Token[], allowName: boolean): Result<{ name: string | null; terms: Map<string, number> }> {
  let at = 0;
  let name: string | null = null;
  if (allowName && tokens.length >= 2 && tokens[1].text === ':') {
    name = tokens[0].text;
    at = 2;
  }
  const terms = new Map<string, number>();
  while (at < tokens.length) {
    let sign = 1;
    let sawSign = false;
    while (at < tokens.length && (tokens[at].text === '+' || tokens[at].text === '-')) {
      if (tokens[at].text === '-') sign = -sign;
      sawSign = true;
      at++;
    }
    if (!sawSign && terms.size > 0) return fail('LP_PARSE', `Line ${tokens[at].line}: a + or - is missing before "${tokens[at].text}".`, { line: tokens[at].line, detail: tokens[at].text });
    let coefficient = 1;
    let sawNumber = false;
    if (at < tokens.length && isNumber(tokens[at].text)) {
      coefficient = numberOf(tokens[at].text);
      sawNumber = true;
      at++;
    }
    const token = tokens[at];
    if (!token) {
      // A constant term (allowed in an objective) does not change the optimal point.
      if (sawNumber) break;
      const last = tokens[tokens.length - 1];
      return fail('LP_PARSE', `Line ${last.line}: the expression ends without a variable.`, { line: last.line, detail: last.text });
    }
    if (!NAME.test(token.text)) return fail('LP_PARSE', `Line ${token.line}: "${token.text}" is not a variable name.`, { line: token.line, detail: token.text });
    terms.set(token.text, (terms.get(token.text) ?? 0) + sign * coefficient);
    at++;
  }
  return ok({ name, terms });
}

function readConstraint(tokens: Token[], ordinal: number): Result<LpConstraint> {
  const senseAt = tokens.findIndex((t) => isSense(t.text));
  if (senseAt < 0 || !endsWithRightHandSide(tokens)) {
    const line = tokens[0].line;
    return fail('LP_PARSE', `Line ${line}: a constraint without a sense and right-hand side (such as <= 100).`, { line, detail: '' });
  }
  const rhsTokens = tokens.slice(senseAt + 1);
  let rhs = numberOf(rhsTokens[rhsTokens.length - 1].text);
  if (rhsTokens.length === 2 && rhsTokens[0].text === '-') rhs = -rhs;
  const expression = readExpression(tokens.slice(0, senseAt), true);
  if (!expression.ok) return expression;
  const line = tokens[0].line;
  if (expression.value.terms.size === 0) return fail('LP_PARSE', `Line ${line}: a constraint without variables.`, { line, detail: '' });
  if (!Number.isFinite(rhs)) return fail('LP_PARSE', `Line ${line}: the right-hand side must be a finite number.`, { line, detail: String(rhs) });
  const terms = record<number>();
  for (const [varName, coefficient] of expression.value.terms) terms[varName] = coefficient;
  return ok({ name: expression.value.name ?? `c${ordinal}`, terms, op: senseOf(tokens[senseAt].text), rhs });
}

/** Bounds: "x >= 1", "x <= 9", "1 <= x <= 9", "x = 3", "x free", "-inf <= x". */
function readBound(tokens: Token[], variable: (name: string) => LpVariable): Result<null> {
  const line = tokens[0].line;
  const texts = joinSigns(tokens.map((t) => t.text));
  const bad = () => fail<null>('LP_PARSE', `Line ${line}: cannot read the bound "${texts.join(' ')}".`, { line, detail: texts.join(' ') });
  if (texts.length === 2 && /^free$/i.test(texts[1]) && NAME.test(texts[0])) {
    const v = variable(texts[0]);
    v.lower = Number.NEGATIVE_INFINITY;
    v.upper = Number.POSITIVE_INFINITY;
    return ok(null);
  }
  if (texts.length === 3 && NAME.test(texts[0]) && isSense(texts[1]) && isSignedNumber(texts[2])) {
    setBound(variable(texts[0]), senseOf(texts[1]), signedNumber(texts[2]));
    return ok(null);
  }
  if (texts.length === 3 && isSignedNumber(texts[0]) && isSense(texts[1]) && NAME.test(texts[2])) {
    // "5 <= x" is "x >= 5".
    const flipped = senseOf(texts[1]) === '<=' ? '>=' : senseOf(texts[1]) === '>=' ? '<=' : '=';
    setBound(variable(texts[2]), flipped, signedNumber(texts[0]));
    return ok(null);
  }
  if (texts.length === 5 && isSignedNumber(texts[0]) && isSense(texts[1]) && NAME.test(texts[2]) && isSense(texts[3]) && isSignedNumber(texts[4])) {
    const v = variable(texts[2]);
    v.lower = signedNumber(texts[0]);
    v.upper = signedNumber(texts[4]);
    return ok(null);
  }
  return bad();
}

function setBound(v: LpVariable, sense: ConstraintOp, value: number): void {
  if (sense === '<=') v.upper = value;
  else if (sense === '>=') v.lower = value;
  else {
    v.lower = value;
    v.upper = value;
  }
}

/** "-" "5" → "-5", so bounds can be matched on whole values. */
function joinSigns(texts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    if ((texts[i] === '-' || texts[i] === '+') && i + 1 < texts.length && isNumber(texts[i + 1])) {
      out.push(texts[i] + texts[i + 1]);
      i++;
    } else out.push(texts[i]);
  }
  return out;
}

function isSignedNumber(text: string): boolean {
  return isNumber(text.replace(/^[+-]/, '')) || /^[+-]?inf(inity)?$/i.test(text);
}

function signedNumber(text: string): number {
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const negative = text.startsWith('-');
  const value = numberOf(text.replace(/^[+-]/, ''));
  return negative ? -value : value;
}
