import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";
import { minutesOf } from "./time-interval-syntax.js";

/**
 * A times range must end after it starts within one day. An overnight window such as 22:00–06:00
 * has to be written as two ranges; Alertmanager refuses to load it as one.
 */
export const overnightTimeRange: Check = {
  code: "MON311",
  name: "alertmanager/overnight-time-range",
  severity: "error",
  summary: "a time interval range whose end is not after its start",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const interval of model.timeIntervals) {
      for (const { start, end } of interval.times) {
        const from = minutesOf(start);
        const to = minutesOf(end);
        if (from === undefined || to === undefined || to > from) continue;
        const subject = `time interval ${interval.name}`;
        if (to === from) {
          out.push(report(overnightTimeRange, `time interval "${interval.name}": times range ${start}–${end} is empty (it ends when it starts)`, interval.span,
            'for the whole day write { start: "00:00", end: "24:00" }, or remove the range', subject));
        } else {
          out.push(report(overnightTimeRange, `time interval "${interval.name}": times range ${start}–${end} ends before it starts; a range cannot cross midnight`, interval.span,
            `split it into two ranges: times: [{ start: "${start}", end: "24:00" }, { start: "00:00", end: "${end}" }] (weekdays then apply to each part's own day)`, subject));
        }
      }
    }
    return out;
  },
};
