import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { findSyntaxErrors } from "../../model/promql.js";
import type { QueryIR, Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";
import { locateInTemplate } from "./template-position.js";

/** Every alert and recording expression must parse; errors point into the TS template string. */
export const promqlSyntax: Check = {
  code: "MON201",
  name: "promql/syntax",
  severity: "error",
  summary: "a PromQL expression that does not parse",
  run: ({ model, sources }) => {
    const out: Diagnostic[] = [];
    const check = (query: QueryIR, subject: string, owner: Span | undefined) => {
      const problem = findSyntaxErrors(query.expr)[0];
      if (!problem) return;
      const span = locateInTemplate(query, problem.offset, sources) ?? query.span ?? owner;
      out.push(report(promqlSyntax, `${subject}: PromQL syntax error: ${problem.message}`, span,
        `the expression is: ${query.expr}`, subject));
    };
    for (const service of model.services) {
      for (const alert of service.alerts) check(alert.query, `alert ${service.name}/${alert.name}`, alert.span);
      for (const recording of service.recordings) check(recording.query, `recording rule ${recording.name}`, recording.span);
    }
    return out;
  },
};
