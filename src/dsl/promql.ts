// PromQL text building blocks: string literals, regex escaping, numbers and durations.
// Everything that puts a user value into PromQL goes through here.

/** A PromQL double-quoted string literal. Escapes backslash, quote and control characters. */
export function promqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    switch (ch) {
      case "\\": out += "\\\\"; break;
      case '"': out += '\\"'; break;
      case "\n": out += "\\n"; break;
      case "\r": out += "\\r"; break;
      case "\t": out += "\\t"; break;
      default: {
        const code = ch.codePointAt(0)!;
        out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : ch;
      }
    }
  }
  return out + '"';
}

/** A vector selector: `name{a="b", c=~"d"}`, or the bare name without matchers. */
export function selectorText(name: string, matchers: readonly { readonly label: string; readonly op: string; readonly value: string }[]): string {
  const body = matchers.map((m) => `${m.label}${m.op}${promqlString(m.value)}`).join(", ");
  return body ? `${name}{${body}}` : name;
}

/** Escapes RE2 metacharacters so the value matches literally inside a regex matcher. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

/**
 * The one rule for printing numbers in generated output: the shortest decimal that reads back as
 * the same float64 (ECMAScript Number#toString), which Prometheus and Go parse to the same value.
 * Infinities and NaN use PromQL's spelling.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  if (Object.is(value, -0)) return "0";
  return String(value);
}

const DURATION_PART = /(\d+)(ms|y|w|d|h|m|s)/g;
const DURATION_MS: Record<string, number> = {
  ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000,
};

type DurationUnit = "ms" | "s" | "m" | "h" | "d" | "w" | "y";
/** A Prometheus duration such as "5m", "1h30m" or "30d". */
export type Duration = `${number}${DurationUnit}` | `${number}${DurationUnit}${number}${DurationUnit}`;

/** Grafana's interval variables: usable as range windows in dashboard queries, never in rules. */
export type GrafanaInterval = "$__rate_interval" | "$__interval" | "$__range";

/** The window of a range selector: a duration, or on dashboards a Grafana interval variable. */
export type RangeWindow = Duration | GrafanaInterval;

/** Milliseconds in a Prometheus duration, or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(ms|y|w|d|h|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const part of text.matchAll(DURATION_PART)) total += Number(part[1]) * DURATION_MS[part[2]];
  return total;
}

/** A Prometheus duration in seconds, e.g. "1h30m" → 5400; undefined when it does not parse. */
export function durationSeconds(text: string): number | undefined {
  const ms = parseDuration(text);
  return ms === undefined ? undefined : ms / 1000;
}

/** The longest duration Prometheus and Alertmanager represent: Go's time.Duration, 2^63 − 1 ns. */
export const MAX_DURATION_MS = 9_223_372_036_854;

/**
 * Canonical spelling of a duration in milliseconds, as Prometheus prints it: largest units first,
 * but years and weeks only when they divide the duration exactly ("28d" → "4w", "30d" → "30d").
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = ms;
  let out = "";
  for (const unit of ["y", "w", "d", "h", "m", "s", "ms"]) {
    const size = DURATION_MS[unit];
    if ((unit === "y" || unit === "w") && rest % size !== 0) continue;
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}
