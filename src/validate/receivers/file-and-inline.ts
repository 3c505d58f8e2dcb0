import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";

/** Inline option → its file form. Alertmanager accepts at most one of each pair. */
const PAIRS: readonly (readonly [string, string])[] = [
  ["apiUrl", "apiUrlFile"],
  ["url", "urlFile"],
  ["routingKey", "routingKeyFile"],
  ["serviceKey", "serviceKeyFile"],
  ["apiKey", "apiKeyFile"],
  ["authPassword", "authPasswordFile"],
  ["bearerToken", "bearerTokenFile"],
];

/** A receiver option set both inline and as a file: Alertmanager refuses to load such a receiver. */
export const fileAndInline: Check = {
  code: "MON316",
  name: "receivers/file-and-inline",
  severity: "error",
  summary: "a receiver option given both inline and as a file",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const receiver of model.teams.flatMap((team) => team.receivers)) {
      for (const [inline, file] of PAIRS) {
        if (receiver.options[inline] === undefined || receiver.options[file] === undefined) continue;
        out.push(report(fileAndInline, `receiver "${receiver.id}" (${receiver.type}) sets both ${inline} and ${file}; Alertmanager accepts only one`, receiver.span,
          `keep ${file} and remove ${inline}`, `receiver ${receiver.id}`));
      }
    }
    return out;
  },
};
