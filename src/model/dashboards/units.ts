// moncc units → Grafana unit ids, and the set of ids Grafana knows (from the Foundation SDK's unit
// table, so a Grafana upgrade of the SDK updates it).

import * as GrafanaUnits from "@grafana/grafana-foundation-sdk/units";
import type { Unit } from "../../dsl/units.js";

const GRAFANA_UNIT_OF: Readonly<Record<Unit, string>> = {
  ns: "ns", us: "µs", ms: "ms", s: "s", m: "m", h: "h",
  bytes: "bytes", kB: "deckbytes", MB: "decmbytes", GB: "decgbytes", KiB: "kbytes", MiB: "mbytes", GiB: "gbytes",
  ratio: "percentunit", percent: "percent",
  requests: "short", predictions: "short", errors: "short", events: "short", count: "short",
  celsius: "celsius", watts: "watt", dollars: "currencyUSD", score: "none",
};

/** The Grafana unit that displays values of a moncc unit; undefined for none. */
export function grafanaUnit(unit: string | undefined): string | undefined {
  return unit !== undefined && Object.prototype.hasOwnProperty.call(GRAFANA_UNIT_OF, unit) ? GRAFANA_UNIT_OF[unit as Unit] : undefined;
}

const KNOWN_UNITS: ReadonlySet<string> = new Set(Object.values(GrafanaUnits as Record<string, unknown>).filter((value): value is string => typeof value === "string"));
/** Grafana's custom units: "suffix:req", "currency:EUR", "si:g", "count:rows", "prefix:$". */
const CUSTOM_UNIT = /^(suffix|prefix|si|count|currency):.+$/s;

export function isKnownGrafanaUnit(unit: string): boolean {
  return KNOWN_UNITS.has(unit) || CUSTOM_UNIT.test(unit);
}
