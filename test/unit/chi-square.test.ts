// χ² quantities behind the drift monitor's adaptive threshold and MON605's numbers, against
// published table values (computed independently, e.g. scipy.stats.chi2).

import { describe, expect, it } from "vitest";
import { chiSquareQuantile99, chiSquareSurvival } from "../../src/generators/prometheus/monitors/chi-square.js";

describe("chiSquareQuantile99", () => {
  it("matches the table values, 13.277 for df = 4 (k = 5 bins)", () => {
    expect([1, 2, 4, 10, 30].map(chiSquareQuantile99)).toEqual([6.635, 9.21, 13.277, 23.209, 50.892]);
  });

  it("uses Wilson–Hilferty beyond the table, within 0.1% of the exact quantile", () => {
    expect(chiSquareQuantile99(50)).toBeCloseTo(76.154, 1);
    expect(chiSquareQuantile99(100)).toBeCloseTo(135.807, 1);
    // Continuous at the seam: df 31 lies between df 30 and the exact df 32 value 53.486.
    expect(chiSquareQuantile99(31)).toBeGreaterThan(50.892);
    expect(chiSquareQuantile99(31)).toBeLessThan(53.486);
  });

  it("rejects degrees of freedom that are not whole and positive", () => {
    expect(() => chiSquareQuantile99(0)).toThrow(RangeError);
    expect(() => chiSquareQuantile99(2.5)).toThrow(RangeError);
  });
});

describe("chiSquareSurvival", () => {
  it("matches exact tail probabilities for even and odd df", () => {
    expect(chiSquareSurvival(5, 4)).toBeCloseTo(0.2872975, 6); // e^-2.5 · 3.5
    expect(chiSquareSurvival(3, 1)).toBeCloseTo(0.0832645, 6);
    expect(chiSquareSurvival(20, 7)).toBeCloseTo(0.0055697, 6);
  });

  it("is 0.01 at the 0.99 quantile and 1 at or below 0", () => {
    expect(chiSquareSurvival(13.277, 4)).toBeCloseTo(0.01, 4);
    expect(chiSquareSurvival(0, 4)).toBe(1);
  });
});
