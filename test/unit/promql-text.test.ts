import fc from "fast-check";
import { parser } from "@prometheus-io/lezer-promql";
import { describe, expect, it } from "vitest";
import { escapeRegex, formatDuration, formatNumber, parseDuration, promqlString } from "../../src/dsl/promql.js";

/** Decodes a PromQL double-quoted string literal (Go escapes), independently of promqlString. */
function decodeGoString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = body[++i];
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v" };
    if (next in simple) out += simple[next];
    else if (next === "x") {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else throw new Error(`unexpected escape \\${next}`);
  }
  return out;
}

const hostile = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom('a"b', "back\\slash", "new\nline", "{{ $labels.x }}", "tab\there", "ünïcødé ✓", "\u0000nul", '\\"'),
);

describe("promqlString", () => {
  it("round-trips any string through a PromQL string literal", () => {
    fc.assert(fc.property(hostile, (value) => {
      const literal = promqlString(value);
      expect(decodeGoString(literal)).toBe(value);
    }));
  });

  it("produces literals the PromQL grammar accepts inside a selector", () => {
    fc.assert(fc.property(hostile, (value) => {
      const expr = `up{job=${promqlString(value)}}`;
      let errors = 0;
      parser.parse(expr).iterate({ enter: (n) => { if (n.type.isError) errors++; } });
      expect(errors).toBe(0);
    }));
  });
});

describe("escapeRegex", () => {
  it("makes a value match itself literally and nothing else", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (value, other) => {
      const re = new RegExp(`^(?:${escapeRegex(value)})$`, "su");
      expect(re.test(value)).toBe(true);
      if (other !== value) expect(re.test(other)).toBe(false);
    }));
  });
});

describe("formatNumber", () => {
  it("reads back as the same float64", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      expect(Number(formatNumber(value))).toBe(value === 0 ? 0 : value);
    }));
  });

  it.each([
    [0.2, "0.2"], [0.1 + 0.2, "0.30000000000000004"], [1, "1"], [1e21, "1e+21"], [1e-7, "1e-7"], [0.00001, "0.00001"],
    [-0, "0"], [Infinity, "+Inf"], [-Infinity, "-Inf"], [NaN, "NaN"],
  ])("prints %s as %s", (value, text) => {
    // The printer never rounds: 0.1 + 0.2 keeps its binary digits; unit conversion snaps instead.
    expect(formatNumber(value)).toBe(text);
  });
});

describe("durations", () => {
  it.each([["5m", 300_000], ["1h30m", 5_400_000], ["30d", 2_592_000_000], ["250ms", 250]])("parses %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each(["5", "m5", "1.5h", "-5m", "5 m"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
  it.each([[28, "4w"], [30, "30d"], [7, "1w"], [90, "90d"], [365, "1y"]])("formats %s days as Prometheus does: %s", (days, text) => {
    expect(formatDuration(days * 86_400_000)).toBe(text);
  });
  it("formats canonically and round-trips", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (ms) => {
      expect(parseDuration(formatDuration(ms))).toBe(ms === 0 ? 0 : ms);
    }));
  });
});
