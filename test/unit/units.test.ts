import { describe, expect, it } from "vitest";
import { convertQuantity, parseQuantity } from "../../src/dsl/units.js";

const convert = (text: string, unit: Parameters<typeof convertQuantity>[1]) => convertQuantity(parseQuantity(text)!, unit);

describe("threshold units", () => {
  it.each([
    ["200ms", "s", 0.2],
    ["1.5s", "ms", 1500],
    ["250us", "ms", 0.25],
    ["2m", "s", 120],
    ["80%", "ratio", 0.8],
    ["0.5%", "ratio", 0.005],
    ["80%", "percent", 80],
    ["2GiB", "bytes", 2147483648],
    ["512MB", "GB", 0.512],
    ["0.95", "ratio", 0.95],
    ["42", undefined, 42],
  ] as const)("%s in %s is %s", (text, unit, expected) => {
    expect(convert(text, unit)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["200ms", "bytes"],
    ["80%", "s"],
    ["1GiB", "ratio"],
    ["5s", "requests"],
  ] as const)("%s does not convert to %s", (text, unit) => {
    const result = convert(text, unit);
    expect(result.ok).toBe(false);
  });

  it("needs a unit on the query to convert a value with a unit", () => {
    const result = convert("200ms", undefined);
    expect(result).toMatchObject({ ok: false });
  });

  it.each(["fast", "200 parsecs", "", "1..2", "ms"])("rejects %j as a quantity", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
