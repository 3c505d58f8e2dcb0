// PromQL features that depend on the Prometheus version, and on `--enable-feature` flags. One
// table, from the Prometheus changelog; docs/target-versions.md lists it for people.

import { atLeast, parseVersion, type Version } from "../target-features.js";

export { parseVersion, type Version };

export interface VersionedFeature {
  /** What the user wrote, for messages: "the function sort_by_label", "a UTF-8 metric name". */
  readonly what: string;
  /** First version that has it, "MAJOR.MINOR". */
  readonly since: string;
  /** First version that no longer has it. */
  readonly removedIn?: string;
  /** `--enable-feature` flag it needs, and the version from which it no longer does. */
  readonly flag?: { readonly name: string; readonly until?: string };
  /** What to write instead on targets that lack it. */
  readonly instead?: string;
}

const EXPERIMENTAL = "promql-experimental-functions";

/** Functions (and aggregations) that not every supported Prometheus version evaluates. */
export const VERSIONED_FUNCTIONS: Readonly<Record<string, VersionedFeature>> = {
  holt_winters: { what: "the function holt_winters", since: "2.0", removedIn: "3.0", instead: "double_exponential_smoothing (3.0+, experimental)" },
  double_exponential_smoothing: { what: "the function double_exponential_smoothing", since: "3.0", flag: { name: EXPERIMENTAL }, instead: "holt_winters on 2.x" },
  present_over_time: { what: "the function present_over_time", since: "2.29" },
  sort_by_label: { what: "the function sort_by_label", since: "2.49", flag: { name: EXPERIMENTAL } },
  sort_by_label_desc: { what: "the function sort_by_label_desc", since: "2.49", flag: { name: EXPERIMENTAL } },
  mad_over_time: { what: "the function mad_over_time", since: "2.49", flag: { name: EXPERIMENTAL } },
  limitk: { what: "the aggregation limitk", since: "2.54", flag: { name: EXPERIMENTAL } },
  limit_ratio: { what: "the aggregation limit_ratio", since: "2.54", flag: { name: EXPERIMENTAL } },
  info: { what: "the function info", since: "3.0", flag: { name: EXPERIMENTAL } },
  histogram_avg: { what: "the function histogram_avg", since: "2.50" },
  histogram_count: { what: "the function histogram_count", since: "2.40" },
  histogram_sum: { what: "the function histogram_sum", since: "2.40" },
  histogram_fraction: { what: "the function histogram_fraction", since: "2.40" },
  histogram_stddev: { what: "the function histogram_stddev", since: "2.44" },
  histogram_stdvar: { what: "the function histogram_stdvar", since: "2.44" },
  ts_of_max_over_time: { what: "the function ts_of_max_over_time", since: "3.5", flag: { name: EXPERIMENTAL } },
  ts_of_min_over_time: { what: "the function ts_of_min_over_time", since: "3.5", flag: { name: EXPERIMENTAL } },
  ts_of_last_over_time: { what: "the function ts_of_last_over_time", since: "3.5", flag: { name: EXPERIMENTAL } },
  first_over_time: { what: "the function first_over_time", since: "3.7", flag: { name: EXPERIMENTAL, until: "3.14" } },
};

export const SYNTAX_FEATURES = {
  utf8Names: { what: "a quoted (UTF-8) metric or label name", since: "3.0", instead: "a name matching [a-zA-Z_:][a-zA-Z0-9_:]*" },
  durationArithmetic: { what: "duration arithmetic such as [5m * 2]", since: "3.4", flag: { name: "promql-duration-expr", until: "3.14" }, instead: "a literal duration" },
  numbersAsDurations: { what: "a number written as a duration or a range written as a number, such as [300] or quantile(5m, x)", since: "3.0", instead: "a duration with a unit in ranges and offsets, and plain numbers elsewhere" },
  atModifier: { what: "the @ modifier", since: "2.33" },
  negativeOffset: { what: "a negative offset", since: "2.33" },
} as const satisfies Record<string, VersionedFeature>;

function atLeastText(version: Version, text: string): boolean {
  const other = parseVersion(text)!;
  return atLeast(version, other.major, other.minor);
}

/** Why the target cannot evaluate the feature, or undefined when it can. */
export function unavailable(feature: VersionedFeature, target: Version, targetText: string, flags: readonly string[]): string | undefined {
  if (!atLeastText(target, feature.since)) return `${feature.what} needs Prometheus ${feature.since} or later (target is ${targetText})`;
  if (feature.removedIn && atLeastText(target, feature.removedIn)) return `${feature.what} was removed in Prometheus ${feature.removedIn} (target is ${targetText})`;
  const flag = feature.flag;
  if (flag && !(flag.until && atLeastText(target, flag.until)) && !flags.includes(flag.name)) {
    return `${feature.what} needs --enable-feature=${flag.name} on Prometheus ${targetText}`;
  }
  return undefined;
}
