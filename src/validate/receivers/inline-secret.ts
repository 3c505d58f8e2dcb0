import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";

/** Option names that carry a secret value; moncc only accepts their `*File` form. */
const SECRET_OPTIONS: Record<string, string> = {
  apiUrl: "apiUrlFile",
  routingKey: "routingKeyFile",
  serviceKey: "routingKeyFile",
  apiKey: "apiKeyFile",
  authPassword: "authPasswordFile",
  password: "authPasswordFile",
  token: "bearerTokenFile",
  bearerToken: "bearerTokenFile",
  authSecret: "a *File option",
};

/** Values that are secrets wherever they appear: Slack webhook URLs, URLs with credentials or tokens. */
function looksSecret(value: string): string | undefined {
  if (/hooks\.slack\.com\/services\//i.test(value)) return "a Slack webhook URL";
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+:[^/@\s]+@/i.test(value)) return "a URL with a password";
  if (/[?&](token|key|api_key|apikey|secret|password|sig|signature)=/i.test(value)) return "a URL with a token in its query";
  return undefined;
}

export const inlineSecret: Check = {
  code: "MON111",
  name: "receivers/inline-secret",
  severity: "error",
  summary: "a secret written inline in a receiver",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const team of model.teams) {
      for (const receiver of team.receivers) {
        for (const [option, value] of Object.entries(receiver.options)) {
          if (value === undefined) continue;
          const fileOption = SECRET_OPTIONS[option];
          if (fileOption) {
            out.push(report(inlineSecret, `receiver "${receiver.id}" (${receiver.type}) has the secret "${option}" written inline`, receiver.span,
              `put the secret in a file readable by Alertmanager and pass its path as ${fileOption}; moncc never writes secrets into generated config`,
              `receiver ${receiver.id}`));
            continue;
          }
          const kind = typeof value === "string" ? looksSecret(value) : undefined;
          if (kind) {
            out.push(report(inlineSecret, `receiver "${receiver.id}" (${receiver.type}) option "${option}" holds ${kind}`, receiver.span,
              "move the secret into a file and reference it with the receiver's *File option (for webhooks: urlFile or bearerTokenFile)",
              `receiver ${receiver.id}`));
          }
        }
      }
    }
    return out;
  },
};
