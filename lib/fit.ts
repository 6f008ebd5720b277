/**
 * Complexity fit: which of 1, log n, n, n log n, n^2, n^3 or b^n describes a measured series best.
 *
 * Pure functions on any numeric series (n, y): median time per call today, exact call counts or
 * retained bytes once cells carry them. The unit of y is the series' own; nothing here assumes ns.
 *
 * Method:
 * - Every model is y = a + c * g(n): a growth term c * g(n) plus a constant a (the model "1" is the
 *   constant alone). Google Benchmark's Complexity() fits c * g(n) only; the constant is added
 *   because measured series have lower-order terms (call overhead, base cases, the "- 1" of naive
 *   Fibonacci's 2F(n+1) - 1 calls) that otherwise bend the fit at small n: without it, the base
 *   fitted to 2F(n+1) - 1 over n = 5..30 comes out as 1.620 instead of the golden ratio 1.618.
 * - a and c minimise the sum of squared *relative* residuals (prediction - y) / y. Relative because a
 *   series spans orders of magnitude: absolute least squares would fit the largest n alone.
 * - For b^n, b is found by a grid and golden-section search on ln b, with (a, c) solved exactly at
 *   each b. Only growth is modelled: c > 0, and b in [MIN_BASE, MAX_BASE].
 * - The model is chosen by the Bayesian information criterion on the relative residuals,
 *   BIC = N ln(RSS / N) + k ln N (k fitted parameters: 1 for "1", 2 for the shapes, 3 for b^n), so a
 *   model with more parameters wins only when it explains clearly more; equal BIC goes to the simpler
 *   model (earlier in MODELS). The fit error reported is the plain RMS relative residual.
 */

/** The candidate models, simplest first (the order breaks ties). */
export const MODELS = ['1', 'log n', 'n', 'n log n', 'n^2', 'n^3', 'b^n'] as const;

export type ModelName = (typeof MODELS)[number];

/** One point of a series: input size n and the measured value y (in the series' own unit). */
export interface SeriesPoint {
  n: number;
  y: number;
}

/** One candidate model fitted to a series: y = intercept + coefficient * g(n). */
export interface ModelFit {
  model: ModelName;
  /** Constant term a, in the unit of y (may be negative: it stands for lower-order terms). */
  intercept: number;
  /** Scale c of the growth term, in the unit of y per unit of g(n); 0 for the model "1". */
  coefficient: number;
  /** Fitted base b of b^n; only for the b^n model. */
  base?: number;
  /** The fit error: RMS of the relative residuals (prediction - y) / y, e.g. 0.05 = 5 %. */
  rel_rms: number;
  /** The selection criterion (lower is better); see the module comment. */
  bic: number;
}

/** The fit of a series: the chosen model and every candidate that applied, best first. */
export interface ComplexityFit {
  best: ModelFit;
  candidates: ModelFit[];
  /** Points used: finite y > 0 at distinct finite n >= 1 (a relative error needs y > 0). */
  points: number;
  /** Smallest and largest n used. */
  n_min: number;
  n_max: number;
}

/** Fewest usable points for a fit: a two-parameter shape needs one more point than parameters. */
export const MIN_FIT_POINTS = 3;

/**
 * Relative residuals below a part per billion are floating-point rounding, not signal: the RSS used
 * in the criterion is floored there so that exact fits tie and the simpler model wins.
 */
const RMS_FLOOR = 1e-9;

/** Grid points on ln b before the golden-section refinement. */
const BASE_GRID = 400;
/**
 * Bases searched. Below 1.01 an "exponential" over a ladder reaching large n is a bend of a
 * polynomial series (a cache or GC cliff at the top of the ladder), not a branching recursion; the
 * exponential recursions measured here grow by 1.3 to 4 per step. Above 16 nothing grows.
 */
const MIN_BASE = 1.01;
const MAX_BASE = 16;
/** Largest ln b * (n_max - n_min), so that b^(n - n_max) stays well inside double range. */
const MAX_EXPONENT_SPAN = 600;
const GOLDEN_STEPS = 100;

const SHAPES: Record<Exclude<ModelName, '1' | 'b^n'>, (n: number) => number> = {
  'log n': (n) => Math.log2(n),
  n: (n) => n,
  'n log n': (n) => n * Math.log2(n),
  'n^2': (n) => n * n,
  'n^3': (n) => n * n * n,
};

/** The growth term g(n) of a model, without its coefficient. */
function growth(model: ModelName, n: number, base: number | undefined): number {
  if (model === '1') return 0;
  if (model === 'b^n') return (base ?? 1) ** n;
  return SHAPES[model](n);
}

/** The value a fitted model predicts at n, in the unit of the series. */
export function predict(fit: ModelFit, n: number): number {
  return fit.intercept + fit.coefficient * growth(fit.model, n, fit.base);
}

/** A solved (a, c) pair and its residual sum of squares (relative residuals). */
interface Solution {
  a: number;
  c: number;
  rss: number;
}

/**
 * Weighted least squares of y = a + c * g with weights 1 / y^2, written as the unweighted problem
 * a * (1/y) + c * (g/y) = 1, solved by Gram-Schmidt on scaled columns (the normal equations lose
 * precision when g spans many orders of magnitude). Null when g is constant over the points.
 */
function solveLine(ys: readonly number[], gs: readonly number[]): Solution | null {
  const u = ys.map((y) => 1 / y);
  const v = gs.map((g, i) => g / (ys[i] as number));
  const norm = (xs: readonly number[]) => Math.sqrt(xs.reduce((sum, x) => sum + x * x, 0));
  const dot = (xs: readonly number[], zs: readonly number[]) =>
    xs.reduce((sum, x, i) => sum + x * (zs[i] as number), 0);
  const su = norm(u);
  const sv = norm(v);
  if (sv === 0 || !Number.isFinite(sv)) return null;
  const q1 = u.map((x) => x / su);
  const vs = v.map((x) => x / sv);
  const r12 = dot(q1, vs);
  const w = vs.map((x, i) => x - r12 * (q1[i] as number));
  const r22 = norm(w);
  // Columns (nearly) parallel: g is (nearly) constant, so the shape adds nothing to the constant.
  if (r22 < 1e-12) return null;
  const q2 = w.map((x) => x / r22);
  const ones = ys.map(() => 1);
  const cScaled = dot(q2, ones) / r22;
  const aScaled = dot(q1, ones) - r12 * cScaled;
  const a = aScaled / su;
  const c = cScaled / sv;
  const rss = ys.reduce((sum, y, i) => {
    const residual = (a + c * (gs[i] as number) - y) / y;
    return sum + residual * residual;
  }, 0);
  return { a, c, rss };
}

/** One model's fit to `count` points with `parameters` free parameters (and an exponential's base), scored by BIC. */
function candidate(fit: {
  model: ModelName;
  solution: Solution;
  count: number;
  parameters: number;
  base?: number;
}): ModelFit {
  const { model, solution, count, parameters, base } = fit;
  const meanSquare = Math.max(solution.rss / count, RMS_FLOOR * RMS_FLOOR);
  return {
    model,
    intercept: solution.a,
    coefficient: solution.c,
    ...(base === undefined ? {} : { base }),
    rel_rms: Math.sqrt(solution.rss / count),
    bic: count * Math.log(meanSquare) + parameters * Math.log(count),
  };
}

function fitConstant(points: readonly SeriesPoint[]): ModelFit {
  // Minimises sum((a - y) / y)^2: a = sum(1/y) / sum(1/y^2).
  const a = points.reduce((sum, p) => sum + 1 / p.y, 0) / points.reduce((sum, p) => sum + 1 / p.y ** 2, 0);
  const rss = points.reduce((sum, p) => sum + ((a - p.y) / p.y) ** 2, 0);
  return candidate({ model: '1', solution: { a, c: 0, rss }, count: points.length, parameters: 1 });
}

function fitShape(model: keyof typeof SHAPES, points: readonly SeriesPoint[]): ModelFit | null {
  const solution = solveLine(
    points.map((p) => p.y),
    points.map((p) => SHAPES[model](p.n)),
  );
  if (solution === null || !(solution.c > 0)) return null;
  return candidate({ model, solution, count: points.length, parameters: 2 });
}

/** The exponential fit at one ln b; g is taken relative to n_max so that it never overflows. */
function solveExponential(points: readonly SeriesPoint[], logBase: number, nMax: number): Solution | null {
  return solveLine(
    points.map((p) => p.y),
    points.map((p) => Math.exp(logBase * (p.n - nMax))),
  );
}

function fitExponential(points: readonly SeriesPoint[]): ModelFit | null {
  const nMin = points[0]?.n ?? 0;
  const nMax = points[points.length - 1]?.n ?? 0;
  const bottom = Math.log(MIN_BASE);
  const top = Math.min(Math.log(MAX_BASE), MAX_EXPONENT_SPAN / (nMax - nMin));
  // A ladder so long that b^n would overflow for every base in range: no exponential candidate.
  if (top <= bottom) return null;
  const at = (i: number) => bottom + ((top - bottom) * i) / BASE_GRID;
  const cost = (logBase: number) => {
    const solution = solveExponential(points, logBase, nMax);
    return solution === null || !(solution.c > 0) ? Number.POSITIVE_INFINITY : solution.rss;
  };
  let bestIndex = 0;
  let bestCost = cost(at(0));
  for (let i = 1; i <= BASE_GRID; i++) {
    const value = cost(at(i));
    if (value < bestCost) [bestIndex, bestCost] = [i, value];
  }
  // Golden-section search between the grid neighbours of the best grid point.
  let low = at(Math.max(bestIndex - 1, 0));
  let high = at(Math.min(bestIndex + 1, BASE_GRID));
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < GOLDEN_STEPS; step++) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (cost(left) <= cost(right)) high = right;
    else low = left;
  }
  const logBase = (low + high) / 2;
  const solution = solveExponential(points, logBase, nMax);
  if (solution === null || !(solution.c > 0)) return null;
  // Back from g = b^(n - n_max) to g = b^n: c * b^(n - n_max) = (c * b^-n_max) * b^n.
  const scaled = { ...solution, c: solution.c * Math.exp(-logBase * nMax) };
  return candidate({
    model: 'b^n',
    solution: scaled,
    count: points.length,
    parameters: 3,
    base: Math.exp(logBase),
  });
}

/** The usable points of a series, sorted by n; the last value wins for a repeated n. */
export function usablePoints(series: readonly SeriesPoint[]): SeriesPoint[] {
  const byN = new Map<number, number>();
  for (const { n, y } of series) {
    if (Number.isFinite(n) && n >= 1 && Number.isFinite(y) && y > 0) byN.set(n, y);
  }
  return [...byN].map(([n, y]) => ({ n, y })).sort((a, b) => a.n - b.n);
}

const PARAMETERS: Record<ModelName, number> = {
  '1': 1,
  'log n': 2,
  n: 2,
  'n log n': 2,
  'n^2': 2,
  'n^3': 2,
  'b^n': 3,
};

/**
 * Fits every model to a series and picks the best by BIC; null with fewer than MIN_FIT_POINTS usable
 * points. A model is a candidate only with more points than parameters.
 */
export function fitComplexity(series: readonly SeriesPoint[]): ComplexityFit | null {
  const points = usablePoints(series);
  if (points.length < MIN_FIT_POINTS) return null;
  const fits: (ModelFit | null)[] = [
    fitConstant(points),
    ...(Object.keys(SHAPES) as (keyof typeof SHAPES)[]).map((model) => fitShape(model, points)),
    points.length > PARAMETERS['b^n'] ? fitExponential(points) : null,
  ];
  // A stable sort keeps MODELS order among equal criteria, so ties go to the simpler model.
  const candidates = fits.filter((fit) => fit !== null).sort((a, b) => a.bic - b.bic);
  const best = candidates[0];
  if (best === undefined) return null;
  return {
    best,
    candidates,
    points: points.length,
    n_min: points[0]?.n ?? 0,
    n_max: points[points.length - 1]?.n ?? 0,
  };
}

/** A base b > 1 with three significant digits of b - 1 but at least three decimals ("1.618", "1.00150"). */
function formatBase(base: number): string {
  const decimals = Math.max(3, 2 - Math.floor(Math.log10(base - 1)));
  return Number.isFinite(decimals) ? base.toFixed(Math.min(decimals, 12)) : String(base);
}

/** The fitted model in big-O notation, e.g. "O(n log n)" or "O(1.618^n)". */
export function modelLabel(fit: ModelFit): string {
  if (fit.model === 'b^n') return `O(${formatBase(fit.base ?? Number.NaN)}^n)`;
  return `O(${fit.model})`;
}

/**
 * The fitted model as a formula, e.g. "12.3 ns × n + 45.6 ns"; `format` shows a value in the unit of
 * the series (formatNs for times).
 */
export function modelFormula(fit: ModelFit, format: (value: number) => string): string {
  const growthTerm =
    fit.model === '1' ? '' : fit.model === 'b^n' ? `${formatBase(fit.base ?? Number.NaN)}^n` : fit.model;
  if (fit.model === '1') return format(fit.intercept);
  const term = `${format(fit.coefficient)} × ${growthTerm}`;
  // A constant a billionth of the coefficient is rounding noise of an exact fit, not a finding.
  if (Math.abs(fit.intercept) < 1e-9 * Math.abs(fit.coefficient)) return term;
  return `${term} ${fit.intercept < 0 ? '-' : '+'} ${format(Math.abs(fit.intercept))}`;
}
