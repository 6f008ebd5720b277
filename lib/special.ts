/**
 * Special functions for the statistics of runs and checks: normal, Student t and F tail
 * probabilities and quantiles, and the digamma family that the variance priors (checks/moderated.ts,
 * process-prior.ts) need. Written out here (a few dozen lines) rather than adding a statistics
 * dependency for a handful of functions.
 */

/** Lanczos approximation of ln Γ(x), x > 0 (relative error below 2e-10). */
export function logGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
    -0.5395239384953e-5,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let series = 1.000000000190015;
  for (const coefficient of c) series += coefficient / ++y;
  return -tmp + Math.log((2.5066282746310007 * series) / x);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only on one side of the mean; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** erfc(x) (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7 everywhere). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function normalTwoSided(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom (df = Infinity: the normal). */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  if (!Number.isFinite(df)) return normalTwoSided(t);
  return Math.min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/** The t with P(|T| >= t) = p, by bisection on the tail (60 halvings: far below any use here). */
export function studentQuantileTwoSided(p: number, df: number): number {
  let low = 0;
  let high = 1e3;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (studentTwoSided(mid, df) > p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Digamma ψ(x), x > 0: recurrence up to x >= 6, then the asymptotic series. */
export function digamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result -= 1 / y;
    y += 1;
  }
  const f = 1 / (y * y);
  return (
    result + Math.log(y) - 0.5 / y - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))))
  );
}

/** Trigamma ψ'(x), x > 0. */
export function trigamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result += 1 / (y * y);
    y += 1;
  }
  const f = 1 / (y * y);
  return result + 1 / y + f / 2 + (f / y) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** Tetragamma ψ''(x), x > 0 (the Newton step of trigammaInverse needs it). */
function tetragamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result -= 2 / (y * y * y);
    y += 1;
  }
  const f = 1 / (y * y);
  return result - f - f / y - (f * f) / 2 + (f * f * f) / 6 - (f * f * f * f) / 6 + (3 * f ** 5) / 10;
}

/** The y with ψ'(y) = x (x > 0), by Newton's method from limma's starting point. */
export function trigammaInverse(x: number): number {
  if (x > 1e7) return 1 / Math.sqrt(x);
  if (x < 1e-6) return 1 / x;
  let y = 0.5 + 1 / x;
  for (let i = 0; i < 50; i++) {
    const tri = trigamma(y);
    const step = (tri * (1 - tri / x)) / tetragamma(y);
    y += step;
    if (-step / y < 1e-8) break;
  }
  return y;
}

/** P(F(d1, d2) >= f): the upper tail of Fisher's F distribution. */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  return incompleteBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
