// Units a metric can declare, and how a threshold written with a unit ("200ms", "80%", "2GiB")
// converts into the metric's own unit. One table, used by the DSL types and by the model.

export const UNITS = {
  // time
  ns: { dimension: "time", scale: 1e-9 },
  us: { dimension: "time", scale: 1e-6 },
  ms: { dimension: "time", scale: 1e-3 },
  s: { dimension: "time", scale: 1 },
  m: { dimension: "time", scale: 60 },
  h: { dimension: "time", scale: 3600 },
  // information
  bytes: { dimension: "bytes", scale: 1 },
  kB: { dimension: "bytes", scale: 1e3 },
  MB: { dimension: "bytes", scale: 1e6 },
  GB: { dimension: "bytes", scale: 1e9 },
  KiB: { dimension: "bytes", scale: 1024 },
  MiB: { dimension: "bytes", scale: 1024 ** 2 },
  GiB: { dimension: "bytes", scale: 1024 ** 3 },
  // dimensionless fractions: a ratio is 0..1, a percent is 0..100
  ratio: { dimension: "fraction", scale: 1 },
  percent: { dimension: "fraction", scale: 0.01 },
  // counts of things; only plain numbers compare against them
  requests: { dimension: "count", scale: 1 },
  predictions: { dimension: "count", scale: 1 },
  errors: { dimension: "count", scale: 1 },
  events: { dimension: "count", scale: 1 },
  count: { dimension: "count", scale: 1 },
  // other physical or business quantities
  celsius: { dimension: "temperature", scale: 1 },
  watts: { dimension: "power", scale: 1 },
  dollars: { dimension: "money", scale: 1 },
  score: { dimension: "score", scale: 1 },
} as const;

export type Unit = keyof typeof UNITS;
export type Dimension = (typeof UNITS)[Unit]["dimension"];

/** Suffixes accepted in threshold strings, mapped to the unit they denote. */
const SUFFIXES: Record<string, Unit> = {
  ns: "ns", us: "us", "µs": "us", ms: "ms", s: "s", m: "m", h: "h",
  B: "bytes", kB: "kB", KB: "kB", MB: "MB", GB: "GB", KiB: "KiB", MiB: "MiB", GiB: "GiB",
  "%": "percent",
};

export function isUnit(value: string): value is Unit {
  return Object.prototype.hasOwnProperty.call(UNITS, value);
}

export interface Quantity {
  readonly value: number;
  /** Unit written in the threshold; undefined for a bare number, which is taken in the metric's unit. */
  readonly unit: Unit | undefined;
}

/** Parses "200ms", "0.5", "80%", "2GiB", "1e-3". Returns undefined when the text is not a quantity. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµ%]*)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return undefined;
  if (match[2] === "") return { value, unit: undefined };
  const unit = SUFFIXES[match[2]] ?? (isUnit(match[2]) ? match[2] : undefined);
  return unit ? { value, unit } : undefined;
}

export type Conversion =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Converts a quantity into `target`. A bare number is already in the target unit.
 * Different dimensions never convert: "200ms" against bytes is an error.
 */
export function convertQuantity(quantity: Quantity, target: Unit | undefined): Conversion {
  if (quantity.unit === undefined) return { ok: true, value: quantity.value };
  if (target === undefined) {
    return { ok: false, reason: `the query has no declared unit, so "${quantity.unit}" cannot be converted; write a plain number or declare the unit` };
  }
  const from = UNITS[quantity.unit];
  const to = UNITS[target];
  if (from.dimension !== to.dimension) {
    return { ok: false, reason: `a value in ${quantity.unit} (${from.dimension}) cannot be compared with a query in ${target} (${to.dimension})` };
  }
  return { ok: true, value: roundFloat((quantity.value * from.scale) / to.scale) };
}

/** 200 * 1e-3 is 0.2 in decimal but not in binary; snap to 15 significant digits to print "0.2". */
export function roundFloat(value: number): number {
  return Number(value.toPrecision(15));
}
