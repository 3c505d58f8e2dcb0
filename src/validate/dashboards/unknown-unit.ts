import * as GrafanaUnits from "@grafana/grafana-foundation-sdk/units";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { locateText } from "../../diagnostics/source-position.js";
import { grafanaUnit, isKnownGrafanaUnit } from "../../model/dashboards/units.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";
import { nearest } from "./nearest.js";
import { allPanels, panelSpan, panelWhere } from "./queries.js";

/** Grafana's unit ids, for suggestions; which ones are known is units.ts' to say. */
const UNIT_IDS = Object.values(GrafanaUnits as Record<string, unknown>).filter((value): value is string => typeof value === "string").sort();

/** Unit names people write for Grafana's ids; edit distance finds the rest (typos). */
const SPELLED_OUT: ReadonlyMap<string, string> = new Map(Object.entries({
  sec: "s", secs: "s", second: "s", seconds: "s", msec: "ms", millisecond: "ms", milliseconds: "ms",
  min: "m", mins: "m", minute: "m", minutes: "m", hour: "h", hours: "h", day: "d", days: "d",
  byte: "bytes", "%": "percent", percentage: "percent", rps: "reqps", "req/s": "reqps",
}));

/** The Grafana id `unit` most likely means: another spelling, a moncc unit name, or a near typo. */
function suggestionFor(unit: string): string | undefined {
  const lower = unit.toLowerCase();
  return UNIT_IDS.find((id) => id.toLowerCase() === lower) ?? SPELLED_OUT.get(lower) ?? grafanaUnit(unit) ?? nearest(unit, UNIT_IDS);
}

/** A unit Grafana does not know shows the raw number with no unit at all, silently. */
export const unknownUnit: Check = {
  code: "MON706",
  name: "dashboards/unknown-unit",
  severity: "error",
  summary: "a panel unit Grafana does not know",
  run: ({ model, sources }) => {
    const out: Diagnostic[] = [];
    for (const { dashboard, panel } of allPanels(model)) {
      const unit = panel.unit;
      if (unit === undefined || isKnownGrafanaUnit(unit)) continue;
      const suggestion = suggestionFor(unit);
      const span = panelSpan(dashboard, panel);
      out.push(report(unknownUnit,
        `${panelWhere(dashboard, panel)}: unit "${unit}" is not a Grafana unit${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        locateText(sources, span, JSON.stringify(unit)) ?? span,
        `use a Grafana unit id such as "s", "percentunit", "reqps" or "bytes", or a custom unit such as "suffix:${unit}"`,
        subjectOf.dashboard(dashboard)));
    }
    return out;
  },
};
