// Time interval checks: MON311 overnight-time-range, MON312 invalid-time-interval, MON313
// unused-time-interval, MON314 invalid-location.

import { describe, expect, it } from "vitest";
import { baseProject, compileFiles, lineOf, withCode } from "../helpers.js";

/** Diagnostics of the checks this file is about; other families are tested elsewhere. */
const ours = <D extends { code: string }>(result: { diagnostics: readonly D[] }) => result.diagnostics.filter((d) => ["MON102", "MON303", "MON311", "MON312", "MON313", "MON314"].includes(d.code));

/** A project whose P2 step is muted during `nights`, declared with `options`. */
async function withInterval(options: string, used = true) {
  const source = baseProject({
    head: `const nights = timeInterval("nights", ${options});`,
    escalation: `P1: { notify: ["page"], repeat: "2h" },
    P2: { notify: ["chat"], repeat: "4h"${used ? ", mutedDuring: [nights]" : ""} },`,
    projectExtra: "timeIntervals: [nights],",
  });
  const result = await compileFiles({ "moncc.config.ts": source });
  return { source, result, line: lineOf(source, "const nights") };
}

const codes = (result: { diagnostics: readonly { code: string }[] }) => ours(result).map((d) => d.code);

describe("MON311 alertmanager/overnight-time-range", () => {
  it("reports a range crossing midnight and gives the exact split", async () => {
    const { result, line } = await withInterval(`{ location: "Europe/Berlin", times: [{ start: "22:00", end: "06:00" }] }`);
    const found = withCode(result, "MON311");
    expect(found.map((d) => d.span?.line)).toEqual([line]);
    expect(found[0].message).toBe('time interval "nights": times range 22:00–06:00 ends before it starts; a range cannot cross midnight');
    expect(found[0].hint).toContain('times: [{ start: "22:00", end: "24:00" }, { start: "00:00", end: "06:00" }]');
    expect(codes(result)).toEqual(["MON311"]);
  });

  it("reports an empty range", async () => {
    const { result } = await withInterval(`{ location: "Europe/Berlin", times: [{ start: "09:00", end: "09:00" }] }`);
    expect(withCode(result, "MON311")[0].message).toContain("is empty");
  });

  it("accepts the split form and a range ending at 24:00", async () => {
    const { result } = await withInterval(`{ location: "Europe/Berlin", times: [{ start: "22:00", end: "24:00" }, { start: "00:00", end: "06:00" }] }`);
    expect(ours(result)).toEqual([]);
  });
});

describe("MON312 alertmanager/invalid-time-interval", () => {
  for (const [options, message] of [
    [`{ location: "UTC", times: [{ start: "9:00", end: "17:00" }] }`, 'time "9:00" is not HH:MM between 00:00 and 24:00'],
    [`{ location: "UTC", times: [{ start: "09:00", end: "24:30" }] }`, 'time "24:30" is not HH:MM between 00:00 and 24:00'],
    [`{ location: "UTC", weekdays: ["mon"] }`, 'weekdays: "mon" is not a valid weekday (sunday … saturday)'],
    [`{ location: "UTC", weekdays: ["saturday:sunday"] }`, 'weekdays: "saturday:sunday" ends before it starts'],
    [`{ location: "UTC", daysOfMonth: ["0"] }`, 'daysOfMonth: "0" is not a valid day of the month'],
    [`{ location: "UTC", daysOfMonth: ["-3:5"] }`, 'daysOfMonth: "-3:5" starts counting from the month\'s end but ends counting from its start'],
    [`{ location: "UTC", daysOfMonth: ["20:10"] }`, 'daysOfMonth: "20:10" ends before it starts'],
    [`{ location: "UTC", months: ["december:january"] }`, 'months: "december:january" ends before it starts'],
    [`{ location: "UTC", months: ["13"] }`, 'months: "13" is not a valid month'],
  ] as const) {
    it(`reports ${options}`, async () => {
      const { result, line } = await withInterval(options);
      const found = withCode(result, "MON312");
      expect(found.map((d) => d.span?.line)).toEqual([line]);
      expect(found[0].message).toContain(message);
    });
  }

  it("accepts names in any case, numbers and ranges Alertmanager reads", async () => {
    const { result } = await withInterval(`{ location: "UTC", weekdays: ["Monday:FRIDAY", "sunday"], daysOfMonth: ["1:7", "-7:-1", "1:-1"], months: ["1:3", "june:august", "December"], times: [{ start: "00:00", end: "24:00" }] }`);
    expect(ours(result)).toEqual([]);
  });
});

describe("MON313 alertmanager/unused-time-interval", () => {
  it("warns about an interval no step uses, and still generates", async () => {
    const { result, line } = await withInterval(`{ location: "UTC", weekdays: ["saturday", "sunday"] }`, false);
    const found = withCode(result, "MON313");
    expect(found.map((d) => [d.severity, d.span?.line, d.message])).toEqual([["warning", line, 'time interval "nights" is declared but no escalation step uses it']]);
    expect(result.files?.length).toBeGreaterThan(0);
  });

  it("counts activeDuring as a use", async () => {
    const source = baseProject({
      head: `const office = timeInterval("office", { location: "UTC", weekdays: ["monday:friday"] });`,
      escalation: `P1: { notify: ["page"] },
    P2: { notify: ["chat"], activeDuring: [office] },`,
    });
    expect(ours(await compileFiles({ "moncc.config.ts": source }))).toEqual([]);
  });
});

describe("MON314 alertmanager/invalid-location", () => {
  for (const [location, message] of [
    [`"Local"`, 'location "Local" is the time zone of whatever host runs Alertmanager'],
    [`"Europe/Berln"`, 'location "Europe/Berln" is not an IANA time zone'],
    [`"+01:00"`, 'location "+01:00" is not an IANA time zone'],
    [`undefined as any`, "has no location, so Alertmanager reads its times as UTC"],
  ] as const) {
    it(`reports ${location}`, async () => {
      const { result, line } = await withInterval(`{ location: ${location}, weekdays: ["saturday"] }`);
      const found = withCode(result, "MON314");
      expect(found.map((d) => d.span?.line)).toEqual([line]);
      expect(found[0].message).toContain(message);
    });
  }

  it("accepts canonical zones, links and UTC", async () => {
    for (const location of ["Europe/Berlin", "America/Argentina/Buenos_Aires", "US/Eastern", "UTC"]) {
      const { result } = await withInterval(`{ location: "${location}", weekdays: ["saturday"] }`);
      expect(ours(result), location).toEqual([]);
    }
  });
});
