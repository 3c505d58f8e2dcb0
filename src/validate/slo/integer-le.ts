import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../model/schema.js";
import { atLeast, parseVersion } from "../../model/target-features.js";
import { report, type Check } from "../check.js";

/** `le="1"` (an integer bucket boundary written without a decimal point) in a matcher. */
const INTEGER_LE = /\ble\s*=\s*"(\d+)"/g;

/**
 * Prometheus 3 writes classic histogram boundaries as floats: `le="1"` becomes `le="1.0"`, so an
 * exact integer matcher selects nothing and the SLI or alert is silently empty. moncc's own helpers
 * match integers with `le=~"1(\.0)?"`; this check covers hand-written PromQL.
 */
export const integerLe: Check = {
  code: "MON404",
  name: "slo/integer-le",
  severity: "error",
  summary: 'an exact le="<integer>" matcher under a Prometheus 3 target',
  run: ({ model }) => {
    const version = parseVersion(model.targets.prometheus);
    if (!version || !atLeast(version, 3, 0)) return [];
    const out: Diagnostic[] = [];
    const check = (text: string | undefined, subject: string, span: Span | undefined) => {
      for (const match of (text ?? "").matchAll(INTEGER_LE)) {
        out.push(report(integerLe, `${subject}: le="${match[1]}" matches nothing on Prometheus ${model.targets.prometheus}, which writes it as le="${match[1]}.0"`,
          span, `match both spellings with le=~"${match[1]}(\\\\.0)?"`, subject));
      }
    };
    for (const service of model.services) {
      for (const slo of service.slos) {
        check(slo.sli.errorQuery, `SLO ${slo.id}`, slo.span);
        check(slo.sli.totalQuery, `SLO ${slo.id}`, slo.span);
      }
      for (const alert of service.alerts) check(alert.query.expr, `alert ${service.name}/${alert.name}`, alert.span);
      for (const recording of service.recordings) check(recording.query.expr, `recording rule ${recording.name}`, recording.span);
    }
    return out;
  },
};
