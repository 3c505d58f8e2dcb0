// promtool unit tests generated from the example's SLO definitions. For each event-based SLO they
// synthesize traffic, and an independent oracle (window arithmetic on that traffic, written here
// from the SRE workbook's definition) says which burn-rate groups must be firing at each time:
//   - an error ratio of 1.5 × the page threshold (factor × budget; less when that would exceed
//     100% errors), after 6 healthy hours, is not yet paged at about 20 minutes and is paged at
//     about 60 (the 1h window crosses after 40–50);
//   - 1.2 × budget fires only the tiers whose factor is below 1.2 (at 30d: the slow ticket tier);
//   - 0.5 × budget fires only tiers whose factor is below 0.5 (at 30d: nothing);
//   - with a low-traffic guard, a handful of requests never pages;
//   - an SLI that disappears fires the no-data alert.

import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDuration } from "../../src/dsl/promql.js";
import { writeOutputAtomically } from "../../src/emit/write.js";
import type { Slo } from "../../src/model/schema.js";
import { compile } from "../../src/pipeline.js";
import { tempDir } from "../helpers.js";
import { runTool } from "./tools.js";

interface Rule { alert?: string; labels: Record<string, string>; annotations: Record<string, string> }
let out: string;
let slos: Slo[];
const rulesByFile = new Map<string, Rule[]>();

beforeAll(async () => {
  const result = await compile("examples/ai-platform");
  expect(result.diagnostics).toEqual([]);
  out = tempDir("moncc-slo-timing-");
  writeOutputAtomically(out, result.files!);
  slos = result.model!.services.flatMap((s) => s.slos).filter((s) => s.type === "ratio" || s.type === "latency");
  for (const slo of slos) {
    const file = path.join(out, "prometheus/rules", `${slo.service}.yml`);
    rulesByFile.set(slo.service, (parse(fs.readFileSync(file, "utf8")) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules));
  }
});

// ---- synthetic traffic -------------------------------------------------------------------------

interface Matcher { label: string; op: string; value: string }

/** The selectors inside rate(...[{{.window}}]) of an SLI query, parsed into name and matchers. */
function selectors(query: string): { name: string; matchers: Matcher[] }[] {
  return [...query.matchAll(/rate\(([a-zA-Z_:][\w:]*)(?:\{(.*?)\})?\[\{\{\.window\}\}\]\)/g)].map((m) => ({
    name: m[1],
    matchers: [...(m[2] ?? "").matchAll(/(\w+)(=~|!~|!=|=)"((?:[^"\\]|\\.)*)"/g)].map((x) => ({ label: x[1], op: x[2], value: JSON.parse(`"${x[3]}"`) as string })),
  }));
}

/** A label value that satisfies a matcher. */
function satisfying(m: Matcher): string {
  if (m.op === "=") return m.value;
  if (m.op === "=~") return m.value.replace(/\(\\\.0\)\?$/, "").split("|")[0].replace(/\\(.)/g, "$1");
  return `${m.value}_other`;
}

const seriesText = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}}`;

/** Cumulative counter values, one per minute: `perMinute(t)` events in minute t. */
function counter(minutes: number, perMinute: (t: number) => number, stopAt = minutes): string {
  const values: string[] = [];
  let total = 0;
  for (let t = 0; t <= minutes; t++) {
    if (t > 0) total += perMinute(t);
    values.push(t <= stopAt ? String(total) : "_");
  }
  return values.join(" ");
}

interface Traffic {
  minutes: number;
  total: (t: number) => number;
  errors: (t: number) => number;
  stopAt?: number;
}

/** Input series that make the SLO's error and total queries see exactly `traffic`. */
function inputSeries(slo: Slo, traffic: Traffic) {
  const stop = traffic.stopAt ?? traffic.minutes;
  const good = (t: number) => traffic.total(t) - traffic.errors(t);
  if (slo.type === "latency") {
    const [count] = selectors(slo.sli.totalQuery!);
    const bucket = selectors(slo.sli.errorQuery).find((s) => s.name.endsWith("_bucket"))!;
    const labels = Object.fromEntries(count.matchers.map((m) => [m.label, satisfying(m)]));
    const le = satisfying(bucket.matchers.find((m) => m.label === "le")!);
    return [
      { series: seriesText(count.name, labels), values: counter(traffic.minutes, traffic.total, stop) },
      { series: seriesText(bucket.name, { ...labels, le }), values: counter(traffic.minutes, good, stop) },
    ];
  }
  const [errors] = selectors(slo.sli.errorQuery);
  const [total] = selectors(slo.sli.totalQuery!);
  const errorLabels = Object.fromEntries(errors.matchers.map((m) => [m.label, satisfying(m)]));
  const errorSeriesCountsAsTotal = errors.name === total.name;
  const series = [{ series: seriesText(errors.name, errorLabels), values: counter(traffic.minutes, traffic.errors, stop) }];
  if (errorSeriesCountsAsTotal) {
    // A second series of the same counter that the error matchers exclude: the good events.
    const excluded = errors.matchers.find((m) => m.op === "=" || m.op === "=~")!;
    series.push({ series: seriesText(total.name, { ...errorLabels, [excluded.label]: `${excluded.value}_ok` }), values: counter(traffic.minutes, good, stop) });
  } else {
    const totalLabels = Object.fromEntries(total.matchers.map((m) => [m.label, satisfying(m)]));
    series.push({ series: seriesText(total.name, totalLabels), values: counter(traffic.minutes, traffic.total, stop) });
  }
  return series;
}

// ---- the oracle --------------------------------------------------------------------------------

const minutesOf = (window: string) => parseDuration(window)! / 60_000;

/** Error ratio over the window ending at minute `at`: bad / total events inside it. */
function windowRatio(traffic: Traffic, window: string, at: number): { ratio: number; events: number } {
  const from = Math.max(0, at - minutesOf(window));
  let bad = 0;
  let all = 0;
  for (let t = from + 1; t <= at; t++) {
    bad += traffic.errors(t);
    all += traffic.total(t);
  }
  return { ratio: all === 0 ? 0 : bad / all, events: all };
}

/** Which groups must fire at minute `at`; throws when a comparison is too close to call. */
function expectedGroups(slo: Slo, traffic: Traffic, at: number): ("page" | "ticket")[] {
  const budget = 1 - slo.objective!;
  const fires = (group: "page" | "ticket") =>
    (slo[group]?.tiers ?? []).some((tier) => {
      const threshold = tier.factor * budget;
      const [short, long] = [windowRatio(traffic, tier.short, at), windowRatio(traffic, tier.long, at)];
      for (const r of [short.ratio, long.ratio]) {
        if (r > 0 && Math.abs(r - threshold) / threshold < 0.08) throw new Error(`${slo.id} ${tier.short}/${tier.long}: ratio ${r} too close to ${threshold}`);
      }
      const guarded = group === "page" && slo.minEvents !== undefined && long.events < slo.minEvents;
      return short.ratio > threshold && long.ratio > threshold && !guarded;
    });
  return (["page", "ticket"] as const).filter(fires);
}

// ---- promtool ----------------------------------------------------------------------------------

const ids = (slo: Slo) => ({ sloth_id: slo.id, sloth_service: slo.service, sloth_slo: slo.name });

/** An alert as promtool reports it, from the generated rule: its labels plus the SLI's ids. */
function firing(slo: Slo, alertname: string, tier: string) {
  const rule = rulesByFile.get(slo.service)!.find((r) => r.alert === alertname && r.labels.tier === tier)!;
  const labels: Record<string, string> = { ...rule.labels, ...ids(slo) };
  const annotations = Object.fromEntries(Object.entries(rule.annotations).map(([k, v]) => [k, v.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_m, l: string) => labels[l])]));
  return { exp_labels: labels, exp_annotations: annotations };
}

function promtoolTest(slo: Slo, name: string, traffic: Traffic, checks: { at: number; alertname: string; alerts: ReturnType<typeof firing>[] }[]) {
  const tests = {
    rule_files: [path.join(out, "prometheus/rules", `${slo.service}.yml`)],
    evaluation_interval: "1m",
    tests: [{
      interval: "1m",
      input_series: inputSeries(slo, traffic),
      alert_rule_test: checks.map((c) => ({ eval_time: `${c.at}m`, alertname: c.alertname, exp_alerts: c.alerts })),
    }],
  };
  const file = path.join(out, `${slo.id}-${name}.test.yml`);
  fs.writeFileSync(file, stringify(tests, { lineWidth: 0 }));
  return runTool("promtool", ["test", "rules", file]);
}

/** The first of `offsets` (minutes after `onset`) at which no tier comparison is too close to call. */
function clearTime(slo: Slo, traffic: Traffic, onset: number, offsets: number[]): number {
  for (const offset of offsets) {
    try {
      expectedGroups(slo, traffic, onset + offset);
      return onset + offset;
    } catch {
      // too close to a threshold at this minute; try the next one
    }
  }
  throw new Error(`${slo.id}: every candidate time is too close to a threshold`);
}

function burnChecks(slo: Slo, traffic: Traffic, times: number[]) {
  return times.map((at) => ({ at, alertname: slo.alertName, alerts: expectedGroups(slo, traffic, at).map((g) => firing(slo, slo.alertName, g)) }));
}

const perMinute = 1000;

describe("SLO burn-rate timing in promtool, for every event-based SLO of examples/ai-platform", () => {
  it("covers the example's SLOs", () => {
    expect(slos.map((s) => s.id).sort()).toEqual(["feature-store-pipeline-success", "fraud-detection-prediction-availability", "fraud-detection-prediction-latency", "recommendation-recommendation-availability"]);
  });

  it("pages a sustained burn of 1.5 × the page factor: not at about 20 minutes, yes at about 60", () => {
    for (const slo of slos) {
      const factor = slo.page!.tiers[0].factor;
      const onset = 360;
      // 1.5× the threshold, or halfway to 100% errors when that would exceed it (a 95% SLO pages at 0.72).
      const threshold = factor * (1 - slo.objective!);
      const ratio = Math.min(1.5 * threshold, (1 + threshold) / 2);
      const traffic: Traffic = { minutes: onset + 70, total: () => perMinute, errors: (t) => (t > onset ? ratio * perMinute : 0) };
      const checks = burnChecks(slo, traffic, [clearTime(slo, traffic, onset, [20, 15, 25, 10]), clearTime(slo, traffic, onset, [60, 65, 70, 55])]);
      expect(checks[0].alerts.map((a) => a.exp_labels.tier), slo.id).not.toContain("page");
      expect(checks[1].alerts.map((a) => a.exp_labels.tier), slo.id).toContain("page");
      const result = promtoolTest(slo, "page", traffic, checks);
      expect(result.status, `${slo.id}\n${result.output}`).toBe(0);
    }
  });

  it.each([1.2, 0.5])("at %s × budget, fires exactly the tiers whose factor is lower", (multiple) => {
    for (const slo of slos) {
      const ratio = multiple * (1 - slo.objective!);
      const traffic: Traffic = { minutes: 8 * 60, total: () => perMinute, errors: () => ratio * perMinute };
      const checks = burnChecks(slo, traffic, [8 * 60]);
      if (slo.period === "30d") expect(checks[0].alerts.map((a) => a.exp_labels.tier), slo.id).toEqual(multiple > 1 ? ["ticket"] : []);
      const result = promtoolTest(slo, `x${multiple}`, traffic, checks);
      expect(result.status, `${slo.id}\n${result.output}`).toBe(0);
    }
  });

  it("holds the page on a handful of requests when the SLO has a low-traffic guard", () => {
    const guarded = slos.filter((s) => s.minEvents !== undefined);
    expect(guarded.length).toBeGreaterThan(0);
    for (const slo of guarded) {
      const traffic: Traffic = { minutes: 180, total: () => 2, errors: () => 1 };
      const checks = burnChecks(slo, traffic, [180]);
      expect(checks[0].alerts.map((a) => a.exp_labels.tier), slo.id).toEqual(["ticket"]);
      const result = promtoolTest(slo, "low-traffic", traffic, checks);
      expect(result.status, `${slo.id}\n${result.output}`).toBe(0);
    }
  });

  it("fires the no-data alert when the SLI disappears", () => {
    const watched = slos.filter((s) => s.noDataFor !== undefined);
    expect(watched.length).toBeGreaterThan(0);
    for (const slo of watched) {
      const stopAt = 60;
      const fireAt = stopAt + 10 + minutesOf(slo.noDataFor!);
      const traffic: Traffic = { minutes: fireAt + 5, total: () => perMinute, errors: () => 0, stopAt };
      const result = promtoolTest(slo, "no-data", traffic, [
        { at: stopAt - 5, alertname: `${slo.alertName}NoData`, alerts: [] },
        { at: fireAt + 5, alertname: `${slo.alertName}NoData`, alerts: [firing(slo, `${slo.alertName}NoData`, "no-data")] },
      ]);
      expect(result.status, `${slo.id}\n${result.output}`).toBe(0);
    }
  });
});
