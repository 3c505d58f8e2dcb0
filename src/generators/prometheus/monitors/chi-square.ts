// Chi-square quantities for sample-size-aware drift thresholds. Under no drift, PSI between two
// samples of N and M observations over k bins is about (1/N + 1/M) · χ²(k − 1).

/** χ² 0.99 quantiles for df = 1..30 (standard tables, 3 decimals). */
const QUANTILE_99 = [
  6.635, 9.21, 11.345, 13.277, 15.086, 16.812, 18.475, 20.09, 21.666, 23.209,
  24.725, 26.217, 27.688, 29.141, 30.578, 32, 33.409, 34.805, 36.191, 37.566,
  38.932, 40.289, 41.638, 42.98, 44.314, 45.642, 46.963, 48.278, 49.588, 50.892,
];

/** The standard normal 0.99 quantile. */
const Z_99 = 2.326348;

/**
 * The χ² distribution's 0.99 quantile for `df` degrees of freedom: the table up to 30, beyond it
 * Wilson–Hilferty, df·(1 − 2/(9df) + z·√(2/(9df)))³, which is within 0.1% there.
 */
export function chiSquareQuantile99(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number of 1 or more, got ${df}`);
  if (df <= QUANTILE_99.length) return QUANTILE_99[df - 1];
  const c = 2 / (9 * df);
  return Number((df * (1 - c + Z_99 * Math.sqrt(c)) ** 3).toFixed(3));
}

/** P(χ²(df) > x): the upper regularized gamma function Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return 1 - lowerRegularizedGamma(df / 2, x / 2);
}

/** P(a, x) by its power series, which converges for every x (slowly far in the tail, where P ≈ 1). */
function lowerRegularizedGamma(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10_000 && term > sum * 1e-15; n++) {
    term *= x / (a + n);
    sum += term;
  }
  return Math.min(1, sum * Math.exp(-x + a * Math.log(x) - logGamma(a)));
}

/** ln Γ(z) for z > 0 (Lanczos, g = 7, 9 coefficients; about 15 significant digits). */
function logGamma(z: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let sum = c[0];
  for (let i = 1; i < g + 2; i++) sum += c[i] / (w + i);
  const t = w + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(sum);
}
