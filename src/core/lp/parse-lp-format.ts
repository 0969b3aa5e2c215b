/**
 * Reads a model in CPLEX LP format (the text format glpsol, CPLEX, Gurobi and HiGHS read):
 * an objective section (Maximize / Minimize), Subject To, optional Bounds, General, Binary
 * and End; comments start with a backslash. Errors name the line.
 * https://www.ibm.com/docs/en/icos/22.1.1?topic=cplex-lp-file-format-algebraic-representation
 *
 * Nothing is guessed: what the model cannot hold, or what could be read two ways, is refused
 * with the line, never read as something else.
 * - A constraint is `[name:] expression sense [sign] number`: every term on the left, one
 *   number on the right. It may run over several lines, but it ends on the line of its
 *   sense (the number may follow on the next line when the sense ends a line), and a line
 *   that starts with "name:" always starts a new constraint, so an unfinished one before it
 *   is an error.
 * - Refused with a message: a variable or a sum on the right-hand side, two senses, a
 *   constant on the left-hand side (glpsol refuses it too: move it to the right), and
 *   ranged constraints (`c: -1 <= x + y <= 4`, which some readers take: a row of this model
 *   has one sense, so write two rows).
 * - Names that are LP keywords (end, bounds, free, inf, max, st, …: LP_KEYWORD) are refused.
 * - A constant in the objective is the one thing dropped: the model has no constant term,
 *   and it does not move the optimal point (the objective value shown leaves it out).
 * - The title: a leading comment line "\ Problem name: <title>" (as writeLpFormat and CPLEX
 *   write it) gives the model's name; otherwise it is the `name` argument. Other comments
 *   are comments.
 */
import { fail, ok, type Result } from '../shared/result';
import { LP_KEYWORD, LP_NAME as NAME, record, type ConstraintOp, type LpConstraint, type LpModel, type LpVariable } from './lp-model';

type Section = 'none' | 'objective' | 'constraints' | 'bounds' | 'general' | 'binary' | 'end';

const SECTION_WORDS: [RegExp, Section][] = [
  [/^(maximize|maximise|maximum|max)$/i, 'objective'],
  [/^(minimize|minimise|minimum|min)$/i, 'objective'],
  [/^(subject\s+to|such\s+that|s\.t\.?|st\.?)$/i, 'constraints'],
  [/^bounds?$/i, 'bounds'],
  [/^(generals?|gen|integers?)$/i, 'general'],
  [/^(binary|binaries|bin)$/i, 'binary'],
  [/^end$/i, 'end'],
];

/** The title line writeLpFormat writes (CPLEX writes "\Problem name: …" too). */
const TITLE = /^\\\s*Problem name:(.*)$/i;

interface Token {
  text: string;
  line: number;
}

const parseError = (line: number, message: string) => fail('LP_PARSE', `Line ${line}: ${message}`, { line, detail: message });

/** Null when `token` can be a name; else why not, with its line. */
function badName(token: Token, what = 'a variable name'): Result<never> | null {
  if (LP_KEYWORD.test(token.text)) return parseError(token.line, `"${token.text}" is a word of the LP format (a section, free or inf), not ${what}.`);
  if (!NAME.test(token.text)) return parseError(token.line, `"${token.text}" is not ${what}.`);
  return null;
}

/**
 * Parses LP-format text.
 * @param name the model's name unless the text has a "\ Problem name:" line
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
  const error = (line: number, message: string) => parseError(line, message) as Result<LpModel>;

  const flush = (): Result<null> => {
    if (pending.length === 0) return ok(null);
    const tokens = pending;
    pending = [];
    if (section === 'objective') {
      let at = 0;
      if (tokens.length >= 2 && tokens[1].text === ':') {
        const bad = badName(tokens[0], 'a name for the objective');
        if (bad) return bad;
        model.objectiveName = tokens[0].text;
        at = 2;
      }
      const parsed = readExpression(tokens.slice(at), 'drop');
      if (!parsed.ok) return parsed;
      for (const [varName, coefficient] of parsed.value) variable(varName).objective += coefficient;
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
    if (section === 'none' && comment >= 0 && lines[index].slice(0, comment).trim() === '') {
      // The title, from a comment line before the objective.
      const title = TITLE.exec(lines[index].slice(comment).trim())?.[1].replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
      if (title) model.name = title;
    }
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
    const named = tokens.value.length >= 2 && tokens.value[1].text === ':';
    if (section === 'objective') {
      if (named && pending.length > 0) return error(lineNumber, `a second name in the objective ("${tokens.value[0].text}:"); is "Subject To" missing before this line?`);
      pending.push(...tokens.value);
    } else if (section === 'constraints') {
      // "name:" starts a constraint, so the one before must be complete.
      if (named && pending.length > 0) {
        return error(pending[0].line, `the constraint that starts on line ${pending[0].line} has no sense and right-hand side (such as <= 100) before the next constraint starts on line ${lineNumber}.`);
      }
      pending.push(...tokens.value);
      // A constraint ends on the line of its sense, unless the line ends with the sense (or
      // the sense and a sign): then its number is on the next line.
      const senseAt = pending.findIndex((t) => isSense(t.text));
      if (senseAt >= 0) {
        const after = pending.length - senseAt - 1;
        if (after === 0 || (after === 1 && isSign(pending[senseAt + 1].text))) continue;
        const done = flush();
        if (!done.ok) return done;
      }
    } else if (section === 'bounds') {
      const done = readBound(tokens.value, variable);
      if (!done.ok) return done;
    } else if (section === 'general' || section === 'binary') {
      for (const token of tokens.value) {
        const bad = badName(token);
        if (bad) return bad;
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

/** A finite number as written in a term or a right-hand side: no sign, no "inf". */
function isFiniteNumber(text: string): boolean {
  return /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?$/.test(text);
}

function isSign(text: string): boolean {
  return text === '+' || text === '-';
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

/** The sense read from the other side: "-1 <= x" is "x >= -1". */
function flip(text: string): ConstraintOp {
  const op = senseOf(text);
  return op === '<=' ? '>=' : op === '>=' ? '<=' : '=';
}

function senseOf(text: string): ConstraintOp {
  if (text === '=') return '=';
  return text.startsWith('<') || text === '=<' ? '<=' : '>=';
}

/**
 * Terms "+ 2 x - y" (no name); returns the summed coefficient per variable. A constant (a
 * number without a variable) is dropped in the objective ('drop') and refused in a
 * constraint ('refuse').
 */
function readExpression(tokens: Token[], constants: 'drop' | 'refuse'): Result<Map<string, number>> {
  let at = 0;
  const terms = new Map<string, number>();
  let first = true;
  while (at < tokens.length) {
    let sign = 1;
    let sawSign = false;
    while (at < tokens.length && isSign(tokens[at].text)) {
      if (tokens[at].text === '-') sign = -sign;
      sawSign = true;
      at++;
    }
    if (!sawSign && !first) return parseError(tokens[at].line, `a + or - is missing before "${tokens[at].text}".`);
    first = false;
    let coefficient = 1;
    const number = at < tokens.length && isFiniteNumber(tokens[at].text) ? tokens[at] : null;
    if (number) {
      coefficient = Number(number.text);
      at++;
    }
    const token = tokens[at];
    if (number && (!token || isSign(token.text))) {
      if (constants === 'drop') continue;
      const shown = `${sign < 0 ? '-' : ''}${number.text}`;
      return parseError(number.line, `the constant ${shown} on the left-hand side cannot be read: move it to the right-hand side (subtract it from the number there).`);
    }
    if (!token) {
      const last = tokens[tokens.length - 1];
      return parseError(last.line, 'the expression ends without a variable.');
    }
    const bad = badName(token);
    if (bad) return bad;
    terms.set(token.text, (terms.get(token.text) ?? 0) + sign * coefficient);
    at++;
  }
  return ok(terms);
}

/** `[name:] expression sense [sign] number`, and nothing else. */
function readConstraint(tokens: Token[], ordinal: number): Result<LpConstraint> {
  const line = tokens[0].line;
  let at = 0;
  let name = `c${ordinal}`;
  if (tokens.length >= 2 && tokens[1].text === ':') {
    const bad = badName(tokens[0], 'a constraint name');
    if (bad) return bad;
    name = tokens[0].text;
    at = 2;
  }
  const senses = tokens.map((t, i) => (i >= at && isSense(t.text) ? i : -1)).filter((i) => i >= 0);
  const senseAt = senses[0] ?? -1;
  const rhs = senseAt < 0 ? [] : tokens.slice(senseAt + 1);
  if (senseAt < 0 || rhs.length === 0 || (rhs.length === 1 && isSign(rhs[0].text))) {
    return parseError(line, 'a constraint without a sense and right-hand side (such as <= 100).');
  }
  if (senses.length > 1) {
    const left = tokens.slice(at, senseAt);
    const second = tokens[senses[1]];
    if (left.length > 0 && left.length <= 2 && isFiniteNumber(left[left.length - 1].text) && (left.length === 1 || isSign(left[0].text))) {
      const low = left.map((t) => t.text).join('');
      const high = tokens.slice(senses[1] + 1).map((t) => t.text).join(' ');
      return parseError(line, `a ranged constraint (${low} ${tokens[senseAt].text} … ${second.text} ${high}) cannot be read: a row of this model has one sense. Write it as two constraints, such as "${name}_lo: … ${flip(tokens[senseAt].text)} ${low}" and "${name}_hi: … ${second.text} ${high}".`);
    }
    return parseError(second.line, `two senses in one constraint (${tokens[senseAt].text} and ${second.text}); a constraint has one sense and one number on the right.`);
  }
  const signed = rhs.length === 2 && isSign(rhs[0].text);
  const value = rhs[rhs.length - 1];
  if (!(rhs.length === 1 || signed) || !isFiniteNumber(value.text)) {
    const variableOnRight = rhs.find((t) => !isSign(t.text) && !isFiniteNumber(t.text) && !/^inf(inity)?$/i.test(t.text));
    if (variableOnRight) return parseError(variableOnRight.line, `the right-hand side must be a number: move "${variableOnRight.text}" to the left-hand side.`);
    if (rhs.length <= 2 && /^inf(inity)?$/i.test(value.text)) return parseError(value.line, 'the right-hand side must be a finite number.');
    return parseError(value.line, `the right-hand side must be one number ("${rhs.map((t) => t.text).join(' ')}" is a sum): write the number it comes to.`);
  }
  const expression = readExpression(tokens.slice(at, senseAt), 'refuse');
  if (!expression.ok) return expression;
  if (expression.value.size === 0) return parseError(line, 'a constraint without variables.');
  const terms = record<number>();
  for (const [varName, coefficient] of expression.value) terms[varName] = coefficient;
  const rhsValue = Number(value.text) * (signed && rhs[0].text === '-' ? -1 : 1);
  return ok({ name, terms, op: senseOf(tokens[senseAt].text), rhs: rhsValue });
}

/** Bounds: "x >= 1", "x <= 9", "1 <= x <= 9", "x = 3", "x free", "-inf <= x". */
function readBound(tokens: Token[], variable: (name: string) => LpVariable): Result<null> {
  const line = tokens[0].line;
  const texts = joinSigns(tokens.map((t) => t.text));
  const bad = () => fail<null>('LP_PARSE', `Line ${line}: cannot read the bound "${texts.join(' ')}".`, { line, detail: texts.join(' ') });
  for (let i = 0; i < texts.length; i++) {
    const keyword = LP_KEYWORD.test(texts[i]) && !isSignedNumber(texts[i]) && !(i === 1 && texts.length === 2 && /^free$/i.test(texts[i]));
    if (keyword) return badName({ text: texts[i], line }) as Result<null>;
  }
  const isName = (text: string) => NAME.test(text) && !LP_KEYWORD.test(text);
  if (texts.length === 2 && /^free$/i.test(texts[1]) && isName(texts[0])) {
    const v = variable(texts[0]);
    v.lower = Number.NEGATIVE_INFINITY;
    v.upper = Number.POSITIVE_INFINITY;
    return ok(null);
  }
  if (texts.length === 3 && isName(texts[0]) && isSense(texts[1]) && isSignedNumber(texts[2])) {
    setBound(variable(texts[0]), senseOf(texts[1]), signedNumber(texts[2]));
    return ok(null);
  }
  if (texts.length === 3 && isSignedNumber(texts[0]) && isSense(texts[1]) && isName(texts[2])) {
    // "5 <= x" is "x >= 5".
    setBound(variable(texts[2]), flip(texts[1]), signedNumber(texts[0]));
    return ok(null);
  }
  if (texts.length === 5 && isSignedNumber(texts[0]) && isSense(texts[1]) && isName(texts[2]) && isSense(texts[3]) && isSignedNumber(texts[4])) {
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
