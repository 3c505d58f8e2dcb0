import { report, type Check } from "../check.js";

/** Definitions the model could not interpret, such as a threshold shorthand that does not parse. */
export const invalidDefinition: Check = {
  code: "MON004",
  name: "definitions/invalid-definition",
  severity: "error",
  summary: "a definition moncc cannot interpret",
  run: ({ model }) => model.problems.map((p) => report(invalidDefinition, `${p.subject}: ${p.message}`, p.span, p.hint, p.subject)),
};
