import { allAlerts, report, type Check } from "../check.js";

/**
 * A threshold whose unit does not fit the query ("200ms" against bytes), or that is not a number.
 * Fitting units convert: "200ms" against seconds becomes 0.2, "5%" against a ratio becomes 0.05.
 */
export const unitMismatch: Check = {
  code: "MON107",
  name: "definitions/unit-mismatch",
  severity: "error",
  summary: "a threshold whose unit does not fit the query",
  run: ({ model }) =>
    [...allAlerts(model)].flatMap(({ alert }) =>
      alert.rules
        .filter((rule) => rule.threshold.conversionError !== undefined)
        .map((rule) => report(unitMismatch,
          `alert "${alert.name}" ${rule.severity}: threshold ${JSON.stringify(rule.threshold.raw)}: ${rule.threshold.conversionError}`,
          alert.span,
          alert.query.unit
            ? `the query is in ${alert.query.unit}; write the threshold in a unit of the same kind, or as a plain number in ${alert.query.unit}`
            : "declare the query's unit with .withUnit(...) or write a plain number",
          `alert ${alert.service}/${alert.name}`)),
    ),
};
