/**
 * The graphical method of linear programming, as taught: with two decision variables every
 * constraint is a line a·x + b·y (≤, ≥, =) r in the plane, the plans that satisfy all of them
 * form a convex polygon (the feasible region), and an optimum, when there is one, lies at a
 * corner of that polygon, or along a whole edge when the objective is parallel to it.
 *
 * A larger model is shown through two of its variables with the others held at given values:
 * their terms move to the right-hand side and their objective contribution becomes a constant.
 *
 * The region is computed twice, on purpose. Its corners are the pairwise intersections of the
 * boundary lines that satisfy every constraint (exact, and independent of any drawing box);
 * the polygon to draw is a box around those corners clipped by each half-plane in turn, which
 * copes with parallel and duplicate lines and with regions that go on forever.
 */
import { fail, ok, type Result } from '../shared/result';
import { isInteger, lowerOf, record, upperOf, type ConstraintOp, type LpModel } from './lp-model';
import { validateLpModel } from './validate-lp-model';

export interface Point {
  x: number;
  y: number;
}

/** One boundary line a·x + b·y (op) rhs, from a constraint or from a bound of a shown variable. */
export interface GraphLine {
  kind: 'constraint' | 'lower' | 'upper';
  /** The constraint's name; for a bound, the variable's name (x ≥ lower, x ≤ upper). */
  name: string;
  a: number;
  b: number;
  op: ConstraintOp;
  /** Right-hand side after the fixed variables' terms moved over. */
  rhs: number;
  /** The part of the line inside the view box, or null when it misses the box. */
  segment: [Point, Point] | null;
}

export interface GraphCorner extends Point {
  /** Objective value here, including the fixed variables' contribution. */
  z: number;
  /** Indices (into `lines`) of the lines through this corner. */
  lines: number[];
  optimal: boolean;
}

export interface ViewBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Integer plans inside the drawn region, when a shown variable is an integer. */
export type IntegerMarks =
  /** Both shown variables integer: the lattice points inside; `best` is the best of them in the box. */
  | { kind: 'points'; points: Point[]; best: (Point & { z: number }) | null }
  /** One shown variable integer: the region's slices at each of its integer values. */
  | { kind: 'segments'; variable: string; segments: [Point, Point][] }
  /** More than MAX_INTEGER_MARKS integer values in the box: nothing is marked. */
  | { kind: 'too-many'; count: number };

export interface GraphicalView {
  /** The variable on the horizontal axis. */
  x: string;
  /** The variable on the vertical axis. */
  y: string;
  sense: 'max' | 'min';
  /** The values the other variables are held at (empty for a two-variable model). */
  fixed: Record<string, number>;
  /** Held variables whose value lies outside their own bounds. */
  fixedOutsideBounds: string[];
  /** Z = objective.x · x + objective.y · y + objective.constant. */
  objective: { x: number; y: number; constant: number };
  lines: GraphLine[];
  /** Constraints in which neither shown variable appears: whether they hold at the fixed values. */
  constantRows: { name: string; holds: boolean }[];
  /** The feasible region clipped to the view box, counter-clockwise; empty when infeasible. */
  region: Point[];
  empty: boolean;
  /** The region goes on forever (it is drawn clipped to the box). */
  unbounded: boolean;
  /** The objective improves without limit inside the region: there is no optimum. */
  objectiveUnbounded: boolean;
  /** The objective does not depend on the two shown variables: every feasible point is optimal. */
  objectiveFlat: boolean;
  /** The corners of the region, counter-clockwise from the lowest (then leftmost). */
  corners: GraphCorner[];
  /** The best objective value over the region, or null (empty, unbounded objective, no corner). */
  optimalValue: number | null;
  /** Indices (into `corners`) of the optimal corners. */
  optimalCorners: number[];
  /** The whole optimal edge when the objective is parallel to a binding edge; `lines` are the lines it lies on. */
  optimalEdge: { from: Point; to: Point; lines: number[] } | null;
  /** An optimal edge that goes on forever from one corner (unbounded region, objective parallel to it). */
  optimalRay: { from: Point; direction: Point; lines: number[] } | null;
  integer: IntegerMarks | null;
  /** A box that holds the corners, the nearby axis crossings of the lines and the origin, with a margin. */
  box: ViewBox;
}

/** Integer marks are computed only when the box holds at most this many of them. */
export const MAX_INTEGER_MARKS = 2000;

/** A half-plane n·p ≤ r with a unit normal, and the line it comes from. */
interface HalfPlane {
  nx: number;
  ny: number;
  r: number;
  line: number;
}

/**
 * The picture of the graphical method for two variables of a model.
 *
 * @param model a valid model (checked with validateLpModel first)
 * @param x the variable for the horizontal axis
 * @param y the variable for the vertical axis
 * @param fixed values for the other variables; a missing one is held at 0 moved inside its bounds
 * @returns the lines, region, corners and optimum; LP_GRAPH_VARIABLES when x and y are not two
 *   different variables of the model, LP_GRAPH_FIXED when a held value is not a number, or the
 *   model's own LP_MODEL_* problem
 * @example graphicalView(wyndor, 'x', 'y').value.optimalCorners // [3]: the corner (2, 6), Z = 36
 */
export function graphicalView(model: LpModel, x: string, y: string, fixed: Record<string, number> = {}): Result<GraphicalView> {
  const valid = validateLpModel(model);
  if (!valid.ok) return valid;
  const vx = model.variables.find((v) => v.name === x);
  const vy = model.variables.find((v) => v.name === y);
  if (!vx || !vy || x === y) {
    return fail('LP_GRAPH_VARIABLES', `Choose two different variables of the model for the axes (got "${x}" and "${y}").`, { x, y });
  }

  const held = record<number>();
  const fixedOutsideBounds: string[] = [];
  let constant = 0;
  for (const v of model.variables) {
    if (v === vx || v === vy) continue;
    const given = Object.hasOwn(fixed, v.name) ? fixed[v.name] : undefined;
    if (given !== undefined && !Number.isFinite(given)) {
      return fail('LP_GRAPH_FIXED', `The value "${v.name}" is held at is not a number.`, { name: v.name });
    }
    const value = given ?? Math.min(Math.max(0, lowerOf(v)), upperOf(v));
    held[v.name] = value;
    constant += v.objective * value;
    if (value < lowerOf(v) || value > upperOf(v)) fixedOutsideBounds.push(v.name);
  }

  // Lines, and the half-planes they bound (an equation gives two).
  const lines: Omit<GraphLine, 'segment'>[] = [];
  const constantRows: { name: string; holds: boolean }[] = [];
  for (const c of model.constraints) {
    let a = 0;
    let b = 0;
    let rhs = c.rhs;
    for (const [name, coefficient] of Object.entries(c.terms)) {
      if (name === x) a += coefficient;
      else if (name === y) b += coefficient;
      else rhs -= coefficient * (held[name] ?? 0);
    }
    if (a === 0 && b === 0) {
      const tol = 1e-9 * Math.max(1, Math.abs(c.rhs));
      const holds = c.op === '<=' ? 0 <= rhs + tol : c.op === '>=' ? 0 >= rhs - tol : Math.abs(rhs) <= tol;
      constantRows.push({ name: c.name, holds });
      continue;
    }
    lines.push({ kind: 'constraint', name: c.name, a, b, op: c.op, rhs });
  }
  for (const [v, a, b] of [
    [vx, 1, 0],
    [vy, 0, 1],
  ] as const) {
    if (Number.isFinite(lowerOf(v))) lines.push({ kind: 'lower', name: v.name, a, b, op: '>=', rhs: lowerOf(v) });
    if (Number.isFinite(upperOf(v))) lines.push({ kind: 'upper', name: v.name, a, b, op: '<=', rhs: upperOf(v) });
  }
  const planes: HalfPlane[] = [];
  lines.forEach((l, i) => {
    const norm = Math.hypot(l.a, l.b);
    const unit = { nx: l.a / norm, ny: l.b / norm, r: l.rhs / norm, line: i };
    if (l.op !== '>=') planes.push(unit);
    if (l.op !== '<=') planes.push({ nx: -unit.nx, ny: -unit.ny, r: -unit.r, line: i });
  });

  // Tolerances scale with the distance of the lines from the origin (budgets in the
  // thousands and shares below one live in the same models).
  const scale = Math.max(1, ...planes.map((h) => Math.abs(h.r)));
  const tol = 1e-9 * scale;
  const near = 1e-7 * scale;
  const feasible = (p: Point) => planes.every((h) => h.nx * p.x + h.ny * p.y - h.r <= tol);
  const onLine = (p: Point, i: number) => {
    const l = lines[i];
    return Math.abs(l.a * p.x + l.b * p.y - l.rhs) / Math.hypot(l.a, l.b) <= near;
  };

  // Corners: feasible pairwise intersections, merged when they coincide (three lines through one point).
  const crossings: Point[] = [];
  let spans = false;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const p = intersect(lines[i], lines[j]);
      if (!p) continue;
      spans = true;
      crossings.push(p);
    }
  }
  const cornerPoints: Point[] = [];
  for (const p of crossings) {
    if (feasible(p) && !cornerPoints.some((q) => Math.hypot(p.x - q.x, p.y - q.y) <= near)) cornerPoints.push(p);
  }

  // Empty? With two non-parallel lines a non-empty region has a corner; otherwise every line
  // is parallel and the question is one of intervals along their common normal.
  let empty = constantRows.some((r) => !r.holds);
  let seed: Point = { x: 0, y: 0 };
  if (!empty && spans) empty = cornerPoints.length === 0;
  else if (!empty && planes.length > 0) {
    const ux = planes[0].nx;
    const uy = planes[0].ny;
    let lo = Number.NEGATIVE_INFINITY;
    let hi = Number.POSITIVE_INFINITY;
    for (const h of planes) {
      const k = h.nx * ux + h.ny * uy; // ±1: parallel unit normals
      if (k > 0) hi = Math.min(hi, h.r / k);
      else lo = Math.max(lo, h.r / k);
    }
    empty = lo > hi + tol;
    const t = Math.min(Math.max(0, lo), hi);
    seed = { x: t * ux, y: t * uy };
  }

  // Directions in which the region goes on forever. The extreme rays of {d : n·d ≤ 0} run
  // along some boundary line, so these candidates are enough to decide both questions.
  const candidates: Point[] = [
    { x: 1, y: 0 },
    { x: -1, y: 0 },
    { x: 0, y: 1 },
    { x: 0, y: -1 },
  ];
  for (const h of planes) candidates.push({ x: -h.ny, y: h.nx }, { x: h.ny, y: -h.nx }, { x: -h.nx, y: -h.ny });
  const recession = empty ? [] : candidates.filter((d) => planes.every((h) => h.nx * d.x + h.ny * d.y <= 1e-9));
  const unbounded = recession.length > 0;

  const cx = vx.objective;
  const cy = vy.objective;
  const zAt = (p: Point) => cx * p.x + cy * p.y + constant;
  // The improving direction: the gradient for max, its opposite for min.
  const sign = model.sense === 'max' ? 1 : -1;
  const gx = sign * cx;
  const gy = sign * cy;
  const gNorm = Math.hypot(gx, gy);
  const objectiveFlat = gNorm === 0;
  const objectiveUnbounded = !objectiveFlat && recession.some((d) => gx * d.x + gy * d.y > 1e-9 * gNorm);

  // Box: corners, the origin (as textbooks draw it) and, when they are not far off, where the
  // lines cross the axes, so each line can be seen for what it is.
  const seeds: Point[] = [{ x: 0, y: 0 }];
  if (cornerPoints.length > 0) seeds.push(...cornerPoints);
  else if (empty) seeds.push(...crossings);
  else seeds.push(seed);
  if (unbounded) {
    // Show a stretch of the region's endless directions too: as far again as the corners spread.
    const start = boundsOf(seeds);
    const reachOut = Math.max(start.xMax - start.xMin, start.yMax - start.yMin, Math.abs(start.xMax), Math.abs(start.yMax), 1);
    const anchors = cornerPoints.length > 0 ? cornerPoints : [seed];
    const mid = { x: anchors.reduce((s, p) => s + p.x, 0) / anchors.length, y: anchors.reduce((s, p) => s + p.y, 0) / anchors.length };
    for (const d of recession) seeds.push({ x: mid.x + d.x * reachOut, y: mid.y + d.y * reachOut });
  }
  let box = boundsOf(seeds);
  const spanX = box.xMax - box.xMin;
  const spanY = box.yMax - box.yMin;
  const intercepts: Point[] = [];
  for (const l of lines) {
    if (l.a !== 0) intercepts.push({ x: l.rhs / l.a, y: 0 });
    if (l.b !== 0) intercepts.push({ x: 0, y: l.rhs / l.b });
  }
  const reach = empty && cornerPoints.length === 0 && crossings.length === 0 ? Number.POSITIVE_INFINITY : 1;
  const nearby = intercepts.filter(
    (p) => p.x >= box.xMin - reach * spanX && p.x <= box.xMax + reach * spanX && p.y >= box.yMin - reach * spanY && p.y <= box.yMax + reach * spanY,
  );
  box = boundsOf([...seeds, ...nearby]);
  box = withMargin(box, 0.08);

  // The drawn region: the box clipped by every half-plane.
  let region: Point[] = [];
  if (!empty) {
    region = [
      { x: box.xMin, y: box.yMin },
      { x: box.xMax, y: box.yMin },
      { x: box.xMax, y: box.yMax },
      { x: box.xMin, y: box.yMax },
    ];
    for (const h of planes) region = clipPolygon(region, h, tol);
    // Where the clipped outline meets a corner, use the corner itself: clipping leaves
    // rounding noise (8e-13 for 0) that a table of coordinates would show.
    region = dedupe(region, near).map((p) => cornerPoints.find((q) => Math.hypot(p.x - q.x, p.y - q.y) <= near) ?? p);
  }

  // Corners in order around the region, with their values and lines.
  const corners: GraphCorner[] = orderCounterClockwise(cornerPoints).map((p) => ({
    x: p.x,
    y: p.y,
    z: zAt(p),
    lines: lines.flatMap((_, i) => (onLine(p, i) ? [i] : [])),
    optimal: false,
  }));

  let optimalValue: number | null = null;
  let optimalCorners: number[] = [];
  let optimalEdge: GraphicalView['optimalEdge'] = null;
  let optimalRay: GraphicalView['optimalRay'] = null;
  if (!empty && !objectiveUnbounded && corners.length > 0) {
    if (objectiveFlat) {
      optimalCorners = corners.map((_, i) => i);
      optimalValue = constant;
    } else {
      const score = (p: Point) => gx * p.x + gy * p.y;
      const best = Math.max(...corners.map(score));
      const zTol = 1e-9 * gNorm * Math.max(scale, ...corners.map((c) => Math.hypot(c.x, c.y)));
      optimalCorners = corners.flatMap((c, i) => (score(c) >= best - zTol ? [i] : []));
      const first = corners[optimalCorners[0]];
      optimalValue = first.z;
      if (optimalCorners.length >= 2) {
        // The optimal set is one edge: its ends are the two optimal corners farthest apart.
        let pair: [GraphCorner, GraphCorner] = [first, corners[optimalCorners[1]]];
        let longest = -1;
        for (const i of optimalCorners) {
          for (const j of optimalCorners) {
            const d = Math.hypot(corners[i].x - corners[j].x, corners[i].y - corners[j].y);
            if (i < j && d > longest) {
              longest = d;
              pair = [corners[i], corners[j]];
            }
          }
        }
        const [from, to] = pair;
        optimalEdge = { from: { x: from.x, y: from.y }, to: { x: to.x, y: to.y }, lines: from.lines.filter((i) => to.lines.includes(i)) };
      } else if (unbounded) {
        const along = recession.find((d) => Math.abs(gx * d.x + gy * d.y) <= 1e-9 * gNorm);
        if (along) {
          const ahead = { x: first.x + along.x * scale, y: first.y + along.y * scale };
          optimalRay = { from: { x: first.x, y: first.y }, direction: along, lines: first.lines.filter((i) => onLine(ahead, i)) };
        }
      }
    }
    for (const i of optimalCorners) corners[i].optimal = true;
  }

  const integer = empty ? null : integerMarks(vx.name, vy.name, isInteger(vx), isInteger(vy), box, region, feasible, objectiveFlat ? null : (p) => gx * p.x + gy * p.y, zAt);

  return ok({
    x,
    y,
    sense: model.sense,
    fixed: held,
    fixedOutsideBounds,
    objective: { x: cx, y: cy, constant },
    lines: lines.map((l) => ({ ...l, segment: clipLine(l, box) })),
    constantRows,
    region,
    empty,
    unbounded,
    objectiveUnbounded,
    objectiveFlat,
    corners,
    optimalValue,
    optimalCorners,
    optimalEdge,
    optimalRay,
    integer,
    box,
  });
}

/** Where two lines cross, or null when they are parallel (or the same line). */
function intersect(l1: { a: number; b: number; rhs: number }, l2: { a: number; b: number; rhs: number }): Point | null {
  const det = l1.a * l2.b - l1.b * l2.a;
  // Compare the sine of the angle between the lines, so the test does not depend on units.
  if (Math.abs(det) <= 1e-12 * Math.hypot(l1.a, l1.b) * Math.hypot(l2.a, l2.b)) return null;
  // + 0 turns −0 into 0, which would otherwise be printed as “-0”.
  return { x: (l1.rhs * l2.b - l2.rhs * l1.b) / det + 0, y: (l1.a * l2.rhs - l2.a * l1.rhs) / det + 0 };
}

function boundsOf(points: Point[]): ViewBox {
  return {
    xMin: Math.min(...points.map((p) => p.x)),
    xMax: Math.max(...points.map((p) => p.x)),
    yMin: Math.min(...points.map((p) => p.y)),
    yMax: Math.max(...points.map((p) => p.y)),
  };
}

/** Widens a box by a share of its size; a flat side gets the other side's size (or 1). */
function withMargin(box: ViewBox, share: number): ViewBox {
  let w = box.xMax - box.xMin;
  let h = box.yMax - box.yMin;
  const fallback = Math.max(w, h, Math.abs(box.xMax), Math.abs(box.yMax), 1);
  if (!(w > 1e-12 * fallback)) w = fallback;
  if (!(h > 1e-12 * fallback)) h = fallback;
  return { xMin: box.xMin - share * w, xMax: box.xMax + share * w, yMin: box.yMin - share * h, yMax: box.yMax + share * h };
}

/** One step of Sutherland–Hodgman: the part of a convex polygon inside n·p ≤ r. */
function clipPolygon(polygon: Point[], h: HalfPlane, tol: number): Point[] {
  const out: Point[] = [];
  const n = polygon.length;
  for (let i = 0; i < n; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % n];
    const fp = h.nx * p.x + h.ny * p.y - h.r;
    const fq = h.nx * q.x + h.ny * q.y - h.r;
    const pIn = fp <= tol;
    if (pIn) out.push(p);
    if (n > 1 && pIn !== fq <= tol) {
      const t = Math.min(1, Math.max(0, fp / (fp - fq)));
      out.push({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) });
    }
  }
  return out;
}

/** Drops points that repeat their neighbour (clipping on an equation doubles them). */
function dedupe(polygon: Point[], near: number): Point[] {
  const out: Point[] = [];
  for (const p of polygon) {
    if (!out.some((q) => Math.hypot(p.x - q.x, p.y - q.y) <= near)) out.push(p);
  }
  return out;
}

/** Counter-clockwise around the centre, starting from the lowest point (then the leftmost). */
function orderCounterClockwise(points: Point[]): Point[] {
  if (points.length < 2) return points.slice();
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sorted = points.slice().sort((p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx));
  let start = 0;
  sorted.forEach((p, i) => {
    const s = sorted[start];
    if (p.y < s.y || (p.y === s.y && p.x < s.x)) start = i;
  });
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

/**
 * The part of the line a·x + b·y = rhs inside the box (Liang–Barsky), or null when it misses
 * the box. Exported for drawing other lines (such as the objective's) in the same box.
 * @example clipLine({ a: 1, b: 1, rhs: 1 }, { xMin: 0, xMax: 2, yMin: 0, yMax: 2 }) // (1, 0)–(0, 1)
 */
export function clipLine(l: { a: number; b: number; rhs: number }, box: ViewBox): [Point, Point] | null {
  const n2 = l.a * l.a + l.b * l.b;
  const p0 = { x: (l.rhs * l.a) / n2, y: (l.rhs * l.b) / n2 };
  const d = { x: -l.b, y: l.a };
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const [start, step, min, max] of [
    [p0.x, d.x, box.xMin, box.xMax],
    [p0.y, d.y, box.yMin, box.yMax],
  ]) {
    if (step === 0) {
      if (start < min || start > max) return null;
      continue;
    }
    const t1 = (min - start) / step;
    const t2 = (max - start) / step;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
  }
  if (!(lo < hi)) return null;
  return [
    { x: p0.x + lo * d.x, y: p0.y + lo * d.y },
    { x: p0.x + hi * d.x, y: p0.y + hi * d.y },
  ];
}

/** The two ends of a convex polygon's slice along the line axis = k (x = k or y = k), or null. */
function sliceAt(polygon: Point[], k: number, axis: 'x' | 'y'): [Point, Point] | null {
  const other = axis === 'x' ? 'y' : 'x';
  const hits: number[] = [];
  const n = polygon.length;
  for (let i = 0; i < n; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % n];
    if (p[axis] === k) hits.push(p[other]);
    if ((p[axis] - k) * (q[axis] - k) < 0) hits.push(p[other] + ((k - p[axis]) / (q[axis] - p[axis])) * (q[other] - p[other]));
  }
  if (hits.length === 0) return null;
  const lo = Math.min(...hits);
  const hi = Math.max(...hits);
  return axis === 'x'
    ? [
        { x: k, y: lo },
        { x: k, y: hi },
      ]
    : [
        { x: lo, y: k },
        { x: hi, y: k },
      ];
}

function integerMarks(
  xName: string,
  yName: string,
  xInteger: boolean,
  yInteger: boolean,
  box: ViewBox,
  region: Point[],
  feasible: (p: Point) => boolean,
  score: ((p: Point) => number) | null,
  zAt: (p: Point) => number,
): IntegerMarks | null {
  if (!xInteger && !yInteger) return null;
  const xs = Math.max(0, Math.floor(box.xMax) - Math.ceil(box.xMin) + 1);
  const ys = Math.max(0, Math.floor(box.yMax) - Math.ceil(box.yMin) + 1);
  if (xInteger && yInteger) {
    const count = xs * ys;
    if (count > MAX_INTEGER_MARKS) return { kind: 'too-many', count };
    const points: Point[] = [];
    for (let i = Math.ceil(box.xMin); i <= box.xMax; i++) {
      for (let j = Math.ceil(box.yMin); j <= box.yMax; j++) if (feasible({ x: i, y: j })) points.push({ x: i, y: j });
    }
    let best: (Point & { z: number }) | null = null;
    if (score) {
      for (const p of points) if (!best || score(p) > score(best)) best = { ...p, z: zAt(p) };
    }
    return { kind: 'points', points, best };
  }
  const axis = xInteger ? 'x' : 'y';
  const count = xInteger ? xs : ys;
  if (count > MAX_INTEGER_MARKS) return { kind: 'too-many', count };
  const [min, max] = xInteger ? [box.xMin, box.xMax] : [box.yMin, box.yMax];
  const segments: [Point, Point][] = [];
  for (let k = Math.ceil(min); k <= max; k++) {
    const s = sliceAt(region, k, axis);
    if (s) segments.push(s);
  }
  return { kind: 'segments', variable: xInteger ? xName : yName, segments };
}
