import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";

export interface Version {
  readonly major: number;
  readonly minor: number;
}

export function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function atLeast(version: Version, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** Targets must be supported versions, and definitions may only use what the targets support. */
export const targetVersion: Check = {
  code: "MON113",
  name: "definitions/target-version",
  severity: "error",
  summary: "a target version moncc does not support, or a feature the target lacks",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const prometheus = parseVersion(model.targets.prometheus);
    const alertmanager = parseVersion(model.targets.alertmanager);
    if (!prometheus || prometheus.major < 2 || prometheus.major > 3) {
      out.push(report(targetVersion, `target Prometheus "${model.targets.prometheus}" is not supported`, model.span, 'write a 2.x or 3.x version such as "2.53" or "3.5"'));
    }
    if (!alertmanager || !atLeast(alertmanager, 0, 25)) {
      out.push(report(targetVersion, `target Alertmanager "${model.targets.alertmanager}" is not supported`, model.span, 'moncc supports Alertmanager 0.25 or later, e.g. "0.27"'));
    }
    for (const team of model.teams) {
      for (const receiver of team.receivers) {
        if (receiver.type === "webhook" && receiver.options.urlFile !== undefined && alertmanager && !atLeast(alertmanager, 0, 26)) {
          out.push(report(targetVersion, `receiver "${receiver.id}": webhook urlFile needs Alertmanager 0.26 or later (target is ${model.targets.alertmanager})`,
            receiver.span, "raise targets.alertmanager, or use url with bearerTokenFile"));
        }
      }
    }
    for (const service of model.services) {
      for (const alert of service.alerts) {
        if (prometheus && !atLeast(prometheus, 2, 42) && alert.rules.some((r) => r.keepFiringFor)) {
          out.push(report(targetVersion, `alert "${alert.name}": keepFiringFor needs Prometheus 2.42 or later (target is ${model.targets.prometheus})`,
            alert.span, "raise targets.prometheus or drop keepFiringFor"));
        }
      }
    }
    return out;
  },
};
