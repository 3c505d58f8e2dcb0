import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Receiver } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/** Receiver options Alertmanager expands as templates; every other option is used verbatim. */
export const TEMPLATED: Record<Receiver["type"], readonly string[]> = {
  slack: ["channel", "username"],
  pagerduty: [],
  webhook: [],
  email: ["to", "from"],
  opsgenie: ["responders"],
};

/**
 * `{{ ... }}` in a receiver option Alertmanager does not template (a URL, a file path, a host) is
 * sent or opened literally, braces and all. amtool accepts it.
 */
export const untemplatedField: Check = {
  code: "MON318",
  name: "receivers/untemplated-field",
  severity: "warning",
  summary: "a Go template in a receiver option that Alertmanager does not expand",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const receiver of model.teams.flatMap((team) => team.receivers)) {
      for (const [option, value] of Object.entries(receiver.options)) {
        if (typeof value !== "string" || !value.includes("{{") || TEMPLATED[receiver.type]?.includes(option)) continue;
        out.push(report(untemplatedField,
          `receiver "${receiver.id}" (${receiver.type}) option "${option}" contains a template, but Alertmanager uses ${option} verbatim: ${JSON.stringify(value)}`,
          receiver.span,
          `write the literal value; only ${TEMPLATED[receiver.type].join(", ") || "moncc's notification texts"} of a ${receiver.type} receiver are expanded as templates`,
          `receiver ${receiver.id}`));
      }
    }
    return out;
  },
};
