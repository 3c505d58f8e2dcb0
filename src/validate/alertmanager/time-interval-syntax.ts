// Alertmanager's time interval syntax: HH:MM times, weekday, day-of-month and month ranges.

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Minutes since midnight of "HH:MM" (00:00 to 24:00), or undefined when Alertmanager cannot read it. */
export function minutesOf(time: string): number | undefined {
  const match = /^(\d\d):(\d\d)$/.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}

/** Why a `start:end` or single-value range is wrong, or undefined when it is valid. */
type RangeProblem = string | undefined;

function range(text: string, read: (part: string) => number | undefined, what: string, order: (start: number, end: number) => RangeProblem): RangeProblem {
  const parts = text.split(":");
  if (parts.length > 2) return `"${text}" is not a ${what} or a start:end range`;
  const values = parts.map(read);
  const bad = parts.find((_, index) => values[index] === undefined);
  if (bad !== undefined) return `"${bad}" is not a valid ${what}`;
  return values.length === 2 ? order(values[0]!, values[1]!) : undefined;
}

export function weekdayProblem(text: string): RangeProblem {
  return range(text, (part) => indexOf(WEEKDAYS, part), "weekday (sunday … saturday)", (start, end) =>
    end < start ? `"${text}" ends before it starts (weeks run sunday to saturday; split it into two ranges)` : undefined);
}

export function monthProblem(text: string): RangeProblem {
  const read = (part: string) => (/^\d+$/.test(part) ? (Number(part) >= 1 && Number(part) <= 12 ? Number(part) - 1 : undefined) : indexOf(MONTHS, part));
  return range(text, read, "month (january … december or 1 … 12)", (start, end) =>
    end < start ? `"${text}" ends before it starts; split it into two ranges` : undefined);
}

export function dayOfMonthProblem(text: string): RangeProblem {
  const read = (part: string) => {
    if (!/^-?\d+$/.test(part)) return undefined;
    const day = Number(part);
    return day !== 0 && day >= -31 && day <= 31 ? day : undefined;
  };
  return range(text, read, "day of the month (1 … 31, or -31 … -1 counted from the end)", (start, end) => {
    if (start < 0 && end > 0) return `"${text}" starts counting from the month's end but ends counting from its start`;
    if (Math.sign(start) === Math.sign(end) && end < start) return `"${text}" ends before it starts`;
    return undefined;
  });
}

function indexOf(names: readonly string[], part: string): number | undefined {
  const index = names.indexOf(part.toLowerCase());
  return index < 0 ? undefined : index;
}
