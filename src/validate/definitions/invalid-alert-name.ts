import { allAlerts, report, type Check } from "../check.js";
import { ALERT_NAME } from "./names.js";

export const invalidAlertName: Check = {
  code: "MON105",
  name: "definitions/invalid-alert-name",
  severity: "error",
  summary: "an alert name outside the CamelCase policy",
  run: ({ model }) =>
    [...[...allAlerts(model)].map(({ alert }) => alert), ...model.services.flatMap((s) => s.monitors ?? [])]
      .filter((alert) => !ALERT_NAME.test(alert.name))
      .map((alert) => report(invalidAlertName, `alert name "${alert.name}" is not CamelCase`, alert.span,
        `alert names start with a capital letter and contain only letters and digits, e.g. "${camelCase(alert.name)}"`)),
};

function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Z]/.test(joined) ? joined : `Alert${joined}`;
}
