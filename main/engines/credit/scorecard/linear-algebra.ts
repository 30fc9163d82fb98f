// Small dense symmetric linear algebra for the logistic regression's Hessian (p up to ~50), row-major
// Float64Array matrices. Cholesky only: the Hessian of a log-likelihood is symmetric positive definite
// unless the design is singular, and that failure is exactly what the caller must detect and report.

/** Lower-triangular L with A = L Lᵀ, or null when A is not (numerically) positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  // Relative pivot floor: a pivot this small next to the diagonal's scale means linear dependence.
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i] ?? 0));
  const floor = scale * 1e-13;
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j] ?? 0;
    for (let k = 0; k < j; k++) diag -= (l[j * n + k] ?? 0) ** 2;
    if (!(diag > floor)) return null;
    const ljj = Math.sqrt(diag);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0);
      l[i * n + j] = sum / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (l[i * n + k] ?? 0) * (y[k] ?? 0);
    y[i] = sum / (l[i * n + i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (l[i * n + i] ?? 1);
  }
  return x;
}

/** A⁻¹ from its Cholesky factor, column by column. */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const inverse = new Float64Array(n * n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, n, unit);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i] ?? 0;
  }
  return inverse;
}
