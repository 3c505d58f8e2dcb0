import { report, type Check } from "../check.js";

/** A declared time interval that no escalation step activates or mutes with: dead config, or a forgotten mute. */
export const unusedTimeInterval: Check = {
  code: "MON313",
  name: "alertmanager/unused-time-interval",
  severity: "warning",
  summary: "a time interval no route uses",
  run: ({ model }) => {
    const used = new Set(model.teams.flatMap((team) => team.escalation.flatMap((step) => [...step.activeDuring, ...step.mutedDuring])));
    return model.timeIntervals
      .filter((interval) => !used.has(interval.name))
      .map((interval) => report(unusedTimeInterval, `time interval "${interval.name}" is declared but no escalation step uses it`, interval.span,
        "reference it from an escalation step's activeDuring or mutedDuring, or delete it", `time interval ${interval.name}`));
  },
};
