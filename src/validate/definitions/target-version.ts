import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { atLeast, MIN_ALERTMANAGER, parseVersion } from "../../model/target-features.js";
import { report, type Check } from "../check.js";

/**
 * The declared targets must be versions moncc generates for. Features a supported target lacks are
 * the feature-version checks' job (MON130, MON131).
 */
export const targetVersion: Check = {
  code: "MON113",
  name: "definitions/target-version",
  severity: "error",
  summary: "a target version moncc does not support",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const prometheus = parseVersion(model.targets.prometheus);
    const alertmanager = parseVersion(model.targets.alertmanager);
    const minimum = parseVersion(MIN_ALERTMANAGER)!;
    if (!prometheus || prometheus.major < 2 || prometheus.major > 3) {
      out.push(report(targetVersion, `target Prometheus "${model.targets.prometheus}" is not supported`, model.span, 'write a 2.x or 3.x version such as "2.53" or "3.5"'));
    }
    if (!alertmanager || !atLeast(alertmanager, minimum.major, minimum.minor)) {
      out.push(report(targetVersion, `target Alertmanager "${model.targets.alertmanager}" is not supported`, model.span, `moncc supports Alertmanager ${MIN_ALERTMANAGER} or later, e.g. "0.27"`));
    }
    return out;
  },
};
