import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";
import { dayOfMonthProblem, minutesOf, monthProblem, weekdayProblem } from "./time-interval-syntax.js";

/**
 * Times, weekdays, days of the month and months Alertmanager cannot read, or ranges that end before
 * they start. Alertmanager rejects most of these when it loads, but month "13" it accepts and never
 * matches.
 */
export const invalidTimeInterval: Check = {
  code: "MON312",
  name: "alertmanager/invalid-time-interval",
  severity: "error",
  summary: "a time interval time, weekday, day of month or month Alertmanager cannot read",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const interval of model.timeIntervals) {
      const problem = (message: string, hint: string) =>
        out.push(report(invalidTimeInterval, `time interval "${interval.name}": ${message}`, interval.span, hint, `time interval ${interval.name}`));
      for (const { start, end } of interval.times) {
        for (const time of [start, end]) {
          if (minutesOf(time) === undefined) problem(`time "${time}" is not HH:MM between 00:00 and 24:00`, 'write two-digit hours and minutes, e.g. "09:00" and "17:30"; "24:00" ends a range at midnight');
        }
      }
      for (const text of interval.weekdays) {
        const message = weekdayProblem(text);
        if (message) problem(`weekdays: ${message}`, 'write full lowercase names or a range, e.g. "monday:friday"');
      }
      for (const text of interval.daysOfMonth) {
        const message = dayOfMonthProblem(text);
        if (message) problem(`daysOfMonth: ${message}`, 'write days 1 … 31 or -31 … -1, or a range such as "1:7" or "-7:-1"');
      }
      for (const text of interval.months) {
        const message = monthProblem(text);
        if (message) problem(`months: ${message}`, 'write full month names or numbers 1 … 12, or a range such as "june:august"');
      }
    }
    return out;
  },
};
