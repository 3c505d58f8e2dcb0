// Report data → markdown, JSON or HTML text. Pure and deterministic: no clock, no I/O. Markdown and
// HTML go through Handlebars with a view model of preformatted strings; markdown cells are escaped
// here (pipes, newlines, HTML), HTML by Handlebars itself.

import Handlebars from "handlebars";
import type { LiveSlo, Report, ReportSlo } from "./data.js";
import { burnDownSvg } from "./svg.js";
import { HTML_TEMPLATE, MARKDOWN_TEMPLATE } from "./templates.js";

export type ReportFormat = "markdown" | "json" | "html";

const env = Handlebars.create();
let markdownTemplate: Handlebars.TemplateDelegate | undefined;
let htmlTemplate: Handlebars.TemplateDelegate | undefined;

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "markdown") {
    markdownTemplate ??= env.compile(MARKDOWN_TEMPLATE, { noEscape: true, strict: true });
    return `${markdownTemplate(viewModel(report, markdownCell)).replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
  }
  htmlTemplate ??= env.compile(HTML_TEMPLATE, { strict: true });
  return htmlTemplate(viewModel(report, (s) => s));
}

/** A markdown table cell: no line breaks, pipes and HTML-significant characters escaped. */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`")
    .replace(/\s*\r?\n\s*/g, " ");
}

const NONE = "—";
const num = (value: number, digits = 6) => String(Number(value.toPrecision(digits)));
const percent = (ratio: number | null, digits = 6) => (ratio === null ? NONE : `${num(ratio * 100, digits)}%`);
const minutes = (value: number | null) => (value === null ? NONE : `${num(value, 6)} min`);
const count = (value: number | null) => (value === null ? NONE : String(Math.round(value)));
const isoTime = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace(".000Z", "Z");

/** Eight-level block sparkline of the burn-down, resampled to at most 60 characters. */
export function sparkline(points: readonly (readonly [number, number | null])[]): string {
  const values = points.map(([, v]) => v);
  const width = Math.min(60, values.length);
  const bars = "▁▂▃▄▅▆▇█";
  let out = "";
  for (let i = 0; i < width; i++) {
    const v = values[Math.floor((i * values.length) / width)];
    out += v === null ? " " : bars[Math.max(0, Math.min(7, Math.round(Math.max(0, v) * 7)))];
  }
  return out;
}

function liveView(slo: ReportSlo, live: LiveSlo, cell: (s: string) => string) {
  const points = live.burnDown.points;
  return {
    sli: percent(live.sli.ratio),
    errorRatio: percent(live.sli.errorRatio),
    events: count(live.sli.events),
    remaining: percent(live.budgetRemaining.ratio, 4),
    remainingMinutes: live.budgetRemaining.minutes === null ? NONE : `${num(live.budgetRemaining.minutes, 5)} of ${num(slo.budgetMinutes)} min`,
    alerts: live.alerts.length === 0 ? "no alerts" : live.alerts.map((a) => `${a.group} ${a.state}`).join(", "),
    alertStates: live.alerts.map((a) => ({ group: a.group, state: a.state })),
    windows: live.windows.map((w) => ({
      window: w.window,
      errorRatio: percent(w.errorRatio),
      burnRate: w.burnRate === null ? NONE : num(w.burnRate, 4),
      events: count(w.events),
    })),
    burnDownPoints: String(points.length),
    burnDownRange: cell(`${isoTime(live.burnDown.start)} to ${isoTime(live.burnDown.end)}, step ${num(live.burnDown.stepSeconds / 60)} min`),
    sparkline: sparkline(points),
    chart: burnDownSvg(live.burnDown, slo.id),
  };
}

function viewModel(report: Report, cell: (s: string) => string) {
  return {
    project: cell(report.project),
    subtitle: report.mode === "live"
      ? cell(`Live report from ${report.prometheus} at ${isoTime(report.evaluatedAt ?? 0)}. SLI and burn rates are bad events / total events from the SLO's own queries over each window at that instant.`)
      : "Static report from the definitions alone (no Prometheus queried).",
    slos: report.slos.map((slo) => ({
      id: slo.id,
      anchor: `slo-${slo.id.replace(/[^A-Za-z0-9_-]/g, "-")}`,
      title: cell(`${slo.service} / ${slo.name}`),
      description: slo.description === null ? null : cell(slo.description),
      objective: cell(slo.objectiveText),
      period: slo.period,
      errorBudget: percent(slo.errorBudget),
      budgetMinutes: minutes(slo.budgetMinutes),
      tiers: slo.tiers.map((t) => ({
        group: t.group,
        severity: t.severity,
        short: t.short,
        long: t.long,
        factor: num(t.factor),
        threshold: percent(t.errorRatioThreshold),
        budgetSpent: `${percent(t.budgetSpent)} (${minutes(t.budgetSpentMinutes)})`,
        exhaustion: t.exhaustion,
        condition: t.conditionMet === undefined || t.conditionMet === null ? "no data" : t.conditionMet ? "met" : "not met",
      })),
      live: slo.live === null ? null : liveView(slo, slo.live, cell),
    })),
  };
}
