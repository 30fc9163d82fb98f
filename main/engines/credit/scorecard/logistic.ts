// Logistic regression of an event (1) on feature columns by Newton's method (IRLS), to the exact optimum.
// Separation and a singular design are outcomes, not numbers: the result says which, and carries no
// coefficients then, so nobody prints a diverging estimate as if it were one.
import { cholesky, choleskyInverse, choleskySolve } from './linear-algebra.ts';
import { twoSidedNormalPValue } from './normal.ts';

export interface LogisticOptions {
  /** Ridge penalty λ on the feature coefficients (not the intercept): maximises ℓ(β) − λ/2·Σβⱼ². Default 0. */
  readonly l2?: number;
  readonly maxIterations?: number;
  /** Converged when the largest Newton step is below this. */
  readonly tolerance?: number;
}

export interface LogisticFit {
  readonly status: 'converged';
  readonly intercept: number;
  readonly coefficients: Float64Array;
  /** Standard errors: √diag of the inverse Hessian at the optimum, intercept first. */
  readonly standardErrors: Float64Array;
  /** Wald p-values (normal), intercept first. */
  readonly pValues: Float64Array;
  readonly iterations: number;
  readonly deviance: number;
}

export interface LogisticFailure {
  /** one_class: the caller found a single class in y and did not fit. */
  readonly status: 'separation' | 'singular' | 'not_converged' | 'one_class';
  readonly iterations: number;
  readonly message: string;
}

export type LogisticResult = LogisticFit | LogisticFailure;

/** A fitted probability this close to 0 or 1 means the likelihood is still climbing towards a boundary. */
const SATURATED = 1e-10;
/** |linear predictor| beyond this for some row, with the fit still moving, is divergence. */
const DIVERGING_ETA = 30;

function sigmoid(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

/** −2 log-likelihood, computed stably from the linear predictor. */
function devianceOf(eta: Float64Array, y: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i] ?? 0;
    // log(1 + exp(e)) − y·e
    const softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
    sum += softplus - (y[i] ?? 0) * e;
  }
  return 2 * sum;
}

/** The design matrix row-major with a leading column of ones: row i is x[i·p … i·p + p − 1]. */
function designMatrix(columns: readonly Float64Array[], n: number): Float64Array {
  const p = columns.length + 1;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) x[i * p] = 1;
  columns.forEach((column, j) => {
    for (let i = 0; i < n; i++) x[i * p + j + 1] = column[i] ?? 0;
  });
  return x;
}

function linearPredictor(x: Float64Array, beta: Float64Array, n: number): Float64Array {
  const p = beta.length;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * p;
    for (let j = 0; j < p; j++) sum += (x[row + j] as number) * (beta[j] as number);
    eta[i] = sum;
  }
  return eta;
}

/** Gradient and (negative) Hessian of the penalised log-likelihood at η; the Hessian accumulated row by row. */
function derivatives(x: Float64Array, y: Uint8Array, eta: Float64Array, l2: number, beta: Float64Array) {
  const n = y.length;
  const p = beta.length;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const mu = sigmoid(eta[i] as number);
    const residual = (y[i] as number) - mu;
    const weight = mu * (1 - mu);
    const row = i * p;
    for (let a = 0; a < p; a++) {
      const xa = x[row + a] as number;
      gradient[a] = (gradient[a] as number) + xa * residual;
      const wxa = weight * xa;
      const h = a * p;
      for (let b = a; b < p; b++) hessian[h + b] = (hessian[h + b] as number) + wxa * (x[row + b] as number);
    }
  }
  for (let a = 0; a < p; a++) {
    if (a > 0) {
      gradient[a] = (gradient[a] as number) - l2 * (beta[a] as number);
      hessian[a * p + a] = (hessian[a * p + a] as number) + l2;
    }
    for (let b = 0; b < a; b++) hessian[a * p + b] = hessian[b * p + a] as number;
  }
  return { gradient, hessian };
}

function saturatedShare(eta: Float64Array): number {
  let saturated = 0;
  for (const e of eta) {
    const mu = sigmoid(e);
    if (mu < SATURATED || mu > 1 - SATURATED) saturated++;
  }
  return saturated / Math.max(1, eta.length);
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return max;
}

/**
 * Fits logit P(event) = β₀ + Σ βⱼ·xⱼ. `columns` are the features (each of length y.length); `y` is 0/1.
 * Newton steps with step halving whenever the deviance would rise; stops when the largest step is below
 * `tolerance` (default 1e-10), which at a quadratic rate means the optimum to machine precision.
 */
export function fitLogistic(columns: readonly Float64Array[], y: Uint8Array, options: LogisticOptions = {}): LogisticResult {
  const n = y.length;
  const p = columns.length + 1;
  const l2 = options.l2 ?? 0;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  let beta: Float64Array = new Float64Array(p);
  const x = designMatrix(columns, n);
  let eta: Float64Array = linearPredictor(x, beta, n);
  let deviance = devianceOf(eta, y) + l2 * sumSquares(beta);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { gradient, hessian } = derivatives(x, y, eta, l2, beta);
    const factor = cholesky(hessian, p);
    if (!factor) {
      if (iteration > 1 && (saturatedShare(eta) > 0 || maxAbs(eta) > DIVERGING_ETA)) return separation(iteration);
      return {
        status: 'singular',
        iterations: iteration,
        message: 'The information matrix is singular: some features are constant or exact linear combinations of others, so their coefficients are not identified.',
      };
    }
    const step = choleskySolve(factor, p, gradient);
    let next = addScaled(beta, step, 1);
    let nextEta = linearPredictor(x, next, n);
    let nextDeviance = devianceOf(nextEta, y) + l2 * sumSquares(next);
    for (let halvings = 0; nextDeviance > deviance * (1 + 1e-12) && halvings < 30; halvings++) {
      const scale = 0.5 ** (halvings + 1);
      next = addScaled(beta, step, scale);
      nextEta = linearPredictor(x, next, n);
      nextDeviance = devianceOf(nextEta, y) + l2 * sumSquares(next);
    }
    const moved = maxAbs(step);
    beta = next;
    eta = nextEta;
    deviance = nextDeviance;
    if (maxAbs(eta) > DIVERGING_ETA && saturatedShare(eta) > 0) return separation(iteration);
    if (moved < tolerance) return converged(x, y, eta, l2, beta, iteration, deviance);
  }
  if (saturatedShare(eta) > 0) return separation(maxIterations);
  return { status: 'not_converged', iterations: maxIterations, message: `Newton's method did not converge in ${maxIterations} iterations.` };
}

function converged(x: Float64Array, y: Uint8Array, eta: Float64Array, l2: number, beta: Float64Array, iterations: number, deviance: number): LogisticResult {
  const p = beta.length;
  const { hessian } = derivatives(x, y, eta, l2, beta);
  const factor = cholesky(hessian, p);
  if (!factor) return { status: 'singular', iterations, message: 'The information matrix at the optimum is singular; standard errors do not exist.' };
  const inverse = choleskyInverse(factor, p);
  const standardErrors = new Float64Array(p);
  const pValues = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const se = Math.sqrt(inverse[j * p + j] ?? Number.NaN);
    standardErrors[j] = se;
    pValues[j] = twoSidedNormalPValue((beta[j] ?? 0) / se);
  }
  return { status: 'converged', intercept: beta[0] ?? 0, coefficients: beta.slice(1), standardErrors, pValues, iterations, deviance };
}

function separation(iterations: number): LogisticFailure {
  return {
    status: 'separation',
    iterations,
    message:
      'The classes are (quasi-)perfectly separated: some fitted probabilities go to 0 or 1 and the coefficients diverge, so no finite maximum-likelihood estimate exists. Coarsen the bins, drop the separating feature, or add an L2 penalty.',
  };
}

function addScaled(a: Float64Array, b: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) + scale * (b[i] ?? 0);
  return out;
}

function sumSquares(beta: Float64Array): number {
  let sum = 0;
  for (let j = 1; j < beta.length; j++) sum += (beta[j] ?? 0) ** 2;
  return sum;
}
