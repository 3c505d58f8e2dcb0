import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { parseDuration } from "../../dsl/promql.js";
import type { Span } from "../../model/schema.js";
import { report, type Check } from "../check.js";

interface Timing {
  readonly repeat: string;
  readonly groupInterval: string;
  /** Where each value comes from, for messages. */
  readonly repeatFrom: string;
  readonly groupIntervalFrom: string;
}

/**
 * Alertmanager only re-sends at a group's flush, every group_interval, so a repeat_interval shorter
 * than the group_interval in effect is silently stretched to it. Each routing level inherits the
 * values it does not set, as in the generated tree.
 */
export const repeatBelowGroupInterval: Check = {
  code: "MON309",
  name: "alertmanager/repeat-below-group-interval",
  severity: "error",
  summary: "a repeat interval shorter than the group interval in effect",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const level = (where: string, own: { repeat?: string; groupInterval?: string }, parent: Timing, span: Span | undefined, subject: string): Timing => {
      const timing: Timing = {
        repeat: own.repeat ?? parent.repeat,
        groupInterval: own.groupInterval ?? parent.groupInterval,
        repeatFrom: own.repeat !== undefined ? where : parent.repeatFrom,
        groupIntervalFrom: own.groupInterval !== undefined ? where : parent.groupIntervalFrom,
      };
      const repeat = parseDuration(timing.repeat);
      const groupInterval = parseDuration(timing.groupInterval);
      const setsOne = own.repeat !== undefined || own.groupInterval !== undefined;
      if (setsOne && repeat !== undefined && groupInterval !== undefined && repeat < groupInterval) {
        const origin = (from: string) => (from === where ? "" : ` (from ${from})`);
        out.push(report(repeatBelowGroupInterval,
          `${where}: repeat ${timing.repeat}${origin(timing.repeatFrom)} is shorter than groupInterval ${timing.groupInterval}${origin(timing.groupIntervalFrom)}; Alertmanager re-sends only every groupInterval, so the alert repeats every ${timing.groupInterval}, not every ${timing.repeat}`,
          span, `set repeat to at least ${timing.groupInterval}, or lower groupInterval`, subject));
      }
      return timing;
    };
    const root = level("project routing", model.routing, { repeat: "", groupInterval: "", repeatFrom: "", groupIntervalFrom: "" }, model.span, "project routing");
    for (const team of model.teams) {
      const subject = `team ${team.name}`;
      const teamTiming = level(`team "${team.name}"`, team, root, team.span, subject);
      for (const step of team.escalation) level(`team "${team.name}" escalation ${step.severity}`, step, teamTiming, team.span, subject);
      team.routes.forEach((route, index) => level(`team "${team.name}" route #${index + 1}`, route, teamTiming, team.span, subject));
    }
    return out;
  },
};
