import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";

const ZONES = new Set(Intl.supportedValuesOf("timeZone"));

/**
 * Whether Go's time.LoadLocation (Alertmanager) finds `name` in the IANA database. Intl lists only
 * canonical zones, so links such as "US/Eastern" are accepted when Intl resolves them; names are
 * case-sensitive, as zoneinfo file names are.
 */
function isIanaZone(name: string): boolean {
  if (name === "UTC" || ZONES.has(name)) return true;
  if (!/^[A-Z][A-Za-z_]*(\/[A-Z][A-Za-z0-9_+-]*)+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A time interval's location: a missing one silently means UTC, "Local" means whatever zone the
 * Alertmanager host is set to, and anything else must be an IANA zone.
 */
export const invalidLocation: Check = {
  code: "MON314",
  name: "alertmanager/invalid-location",
  severity: "error",
  summary: "a time interval without a location, with \"Local\", or with a location that is not an IANA time zone",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const interval of model.timeIntervals) {
      const location = interval.location;
      const problem = (message: string, hint: string) =>
        out.push(report(invalidLocation, `time interval "${interval.name}": ${message}`, interval.span, hint, `time interval ${interval.name}`));
      if (location === undefined || location === "") {
        problem("has no location, so Alertmanager reads its times as UTC", 'set location to the IANA zone the times are meant in, e.g. "Europe/Berlin", or "UTC" if UTC is intended');
      } else if (location === "Local") {
        problem('location "Local" is the time zone of whatever host runs Alertmanager, so the interval moves when the host does', 'name the IANA zone, e.g. "Europe/Berlin"');
      } else if (!isIanaZone(location)) {
        const suggestion = [...ZONES].find((zone) => zone.toLowerCase() === location.toLowerCase());
        problem(`location "${location}" is not an IANA time zone`, suggestion ? `did you mean "${suggestion}"? zone names are case-sensitive` : 'use an IANA zone name such as "Europe/Berlin", "America/New_York" or "UTC"');
      }
    }
    return out;
  },
};
