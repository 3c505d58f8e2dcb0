import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Receiver } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/**
 * Per receiver type, the options Alertmanager needs: each entry is satisfied by any one of its
 * names (a file option or its inline form). moncc writes no `global:` section, so nothing falls
 * back to a global default.
 */
const REQUIRED: Record<Receiver["type"], readonly (readonly string[])[]> = {
  slack: [["apiUrlFile", "apiUrl"]],
  pagerduty: [["routingKeyFile", "routingKey", "serviceKey"]],
  webhook: [["url", "urlFile"]],
  email: [["to"], ["from"], ["smarthost"]],
  opsgenie: [["apiKeyFile", "apiKey"]],
};

/** What each required option holds, for hints. */
const MEANING: Record<string, string> = {
  apiUrlFile: "the path of a file holding the Slack webhook URL",
  routingKeyFile: "the path of a file holding the PagerDuty Events v2 routing key",
  url: "the endpoint URL (or urlFile, a file holding it)",
  to: "the recipient address",
  from: "the sender address",
  smarthost: 'the SMTP server as "host:port"',
  apiKeyFile: "the path of a file holding the Opsgenie API key",
};

const isSet = (value: unknown) => value !== undefined && value !== null && value !== "";

/**
 * A receiver without an option its type requires. The DSL types demand them, but plain JS and
 * `as any` get past the types, and Alertmanager would refuse the whole config at load.
 */
export const missingField: Check = {
  code: "MON315",
  name: "receivers/missing-field",
  severity: "error",
  summary: "a receiver without an option Alertmanager requires for its type",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const receiver of model.teams.flatMap((team) => team.receivers)) {
      for (const names of REQUIRED[receiver.type] ?? []) {
        if (names.some((name) => isSet(receiver.options[name]))) continue;
        out.push(report(missingField, `receiver "${receiver.id}" (${receiver.type}) has no ${names[0]}, which Alertmanager requires`, receiver.span,
          `set ${names[0]}: ${MEANING[names[0]]}`, `receiver ${receiver.id}`));
      }
    }
    return out;
  },
};
