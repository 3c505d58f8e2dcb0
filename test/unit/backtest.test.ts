// The backtest's pure core on hand-made series: `for`, keep_firing_for, episodes, repeats, resolved
// notifications and the per-day aggregation, with every expected count worked out by hand below.

import { describe, expect, it } from "vitest";
import { backtest, type Delivery, type RuleHistory } from "../../src/backtest/aggregate.js";
import { overBudget } from "../../src/backtest/budget.js";
import { deliveryPlan, planRules } from "../../src/backtest/plan.js";
import { episodeNotifications, firingEpisodes } from "../../src/backtest/simulate.js";
import { buildRoutingTree, routeAlert } from "../../src/model/routing.js";
import { baseProject, compileFiles, lineOf, withCode } from "../helpers.js";

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Grid instants of minutes from..to inclusive. */
const minutes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => (from + i) * MIN);

describe("firingEpisodes", () => {
  const grid = { start: 0, end: HOUR, step: MIN };

  it("fires after `for` of continuous truth, resolves at the first false evaluation, and keeps an episode open at the end", () => {
    // True minutes 10–29: pending at 10, firing at 15 (10 + 5m), resolved at 30.
    // True minutes 40–42: three minutes, never reaches 5m.
    // True minutes 50–60: firing at 55, still firing at the grid's end (60).
    const trueAt = [...minutes(10, 29), ...minutes(40, 42), ...minutes(50, 60)];
    expect(firingEpisodes(trueAt, grid, { forSeconds: 5 * MIN, keepFiringForSeconds: 0 })).toEqual([
      { start: 15 * MIN, end: 30 * MIN, ongoing: false },
      { start: 55 * MIN, end: 60 * MIN, ongoing: true },
    ]);
  });

  it("restarts pending after a false evaluation", () => {
    // Minutes 0–3 true, 4 false, 5–9 true: pending restarts at 5 and would fire at 10, which is false.
    expect(firingEpisodes([...minutes(0, 3), ...minutes(5, 9)], grid, { forSeconds: 5 * MIN, keepFiringForSeconds: 0 })).toEqual([]);
  });

  it("without `for`, fires at the first true evaluation", () => {
    expect(firingEpisodes([20 * MIN], grid, { forSeconds: 0, keepFiringForSeconds: 0 })).toEqual([{ start: 20 * MIN, end: 21 * MIN, ongoing: false }]);
  });

  it("keeps firing for keep_firing_for after the last true evaluation", () => {
    // True 0–4 and 7; keep 3m: minutes 5, 6 (1 and 2 minutes after 4) stay firing, 8 and 9 likewise
    // after 7, and minute 10 is 3 minutes after 7: resolved there. One episode, 0 to 10.
    const trueAt = [...minutes(0, 4), 7 * MIN];
    expect(firingEpisodes(trueAt, grid, { forSeconds: 0, keepFiringForSeconds: 3 * MIN })).toEqual([{ start: 0, end: 10 * MIN, ongoing: false }]);
  });
});

describe("episodeNotifications", () => {
  it("sends one at the start and one per repeat interval while firing, then the resolved one", () => {
    // Firing 0 to 3h, repeat 1h: at 0, 1h, 2h; the 3h repeat would fall when it has resolved.
    expect(episodeNotifications({ start: 0, end: 3 * HOUR, ongoing: false }, HOUR, true)).toEqual({ firing: 3, resolved: 1 });
    // Still firing at 3h: the 3h repeat is sent too, and nothing is resolved.
    expect(episodeNotifications({ start: 0, end: 3 * HOUR, ongoing: true }, HOUR, true)).toEqual({ firing: 4, resolved: 0 });
    // 5h, repeat 4h, a receiver without resolved notifications: at 0 and 4h.
    expect(episodeNotifications({ start: 0, end: 5 * HOUR, ongoing: false }, 4 * HOUR, false)).toEqual({ firing: 2, resolved: 0 });
    expect(episodeNotifications({ start: 0, end: 59 * MIN, ongoing: false }, HOUR, false)).toEqual({ firing: 1, resolved: 0 });
  });
});

describe("backtest aggregation", () => {
  const page: Delivery = { receiver: "web-page", repeatSeconds: 2 * HOUR, sendResolved: true };
  const chat: Delivery = { receiver: "web-chat", repeatSeconds: 4 * HOUR, sendResolved: false };
  const deliver = (labels: Readonly<Record<string, string>>): Delivery[] => (labels.severity === "P1" ? [page] : labels.severity === "P2" ? [chat] : [page, chat]);
  const rule = (id: string, severity: string, series: number[][]): RuleHistory => ({
    id, alert: id, labels: { team: "web", severity }, timing: { forSeconds: 0, keepFiringForSeconds: 0 },
    series: series.map((trueAt, i) => ({ labels: { instance: `i${i}` }, trueAt })),
  });
  const rules = [
    // 5h firing to page (repeat 2h): 0, 2h, 4h and resolved = 4.
    rule("A", "P1", [minutes(0, 299)]),
    // Two series, 10 minutes each, to chat: 1 + 1 = 2.
    rule("B", "P2", [minutes(1000, 1009), minutes(2000, 2009)]),
    // 30 minutes to page (1 + resolved = 2) and to chat (1) = 3.
    rule("C", "P0", [minutes(600, 629)]),
  ];
  const grid = { start: 0, end: 2 * DAY, step: MIN };
  const input = { grid, rules, deliver, teamOf: (r: string) => (r.startsWith("web-") ? "web" : undefined), teams: [{ name: "web", budgetPerDay: 4 }] };

  it("counts notifications per receiver, per team per day, and ranks the noisiest alerts", () => {
    const result = backtest(input);
    expect(result.days).toBe(2);
    const [web] = result.teams;
    // page 4 + 2 = 6, chat 2 + 1 = 3: 9 in 2 days.
    expect(web.receivers).toEqual([
      { receiver: "web-chat", notifications: 3, perDay: 1.5 },
      { receiver: "web-page", notifications: 6, perDay: 3 },
    ]);
    expect(web.notifications).toBe(9);
    expect(web.perDay).toBe(4.5);
    expect(web.alerts.map((a) => [a.rule, a.episodes, a.notifications])).toEqual([["A", 1, 4], ["C", 1, 3], ["B", 2, 2]]);
  });

  it("warns MON604 at the team when it is over its budget, and not when within", async () => {
    const text = baseProject({ teamExtra: "alertBudget: { perDay: 4 }," });
    const compiled = await compileFiles({ "moncc.config.ts": text });
    expect(compiled.diagnostics).toEqual([]);
    const [warning] = overBudget(compiled.model!, backtest(input));
    expect(warning).toMatchObject({ code: "MON604", severity: "warning", subject: "team web" });
    expect(warning.message).toBe('team "web": an estimated 4.5 notifications per day (9 in 2 days of history), over its alert budget of 4 per day');
    expect(warning.hint).toMatch(/^the noisiest alert is A \(4 notifications\)/);
    expect(warning.span?.line).toBe(lineOf(text, 'team("web"'));
    expect(overBudget(compiled.model!, backtest({ ...input, teams: [{ name: "web", budgetPerDay: 5 }] }))).toEqual([]);
    expect(overBudget(compiled.model!, backtest({ ...input, teams: [{ name: "web", budgetPerDay: undefined }] }))).toEqual([]);
  });

  it("rejects an alert budget that is not a number of notifications, 0 or more", async () => {
    const text = baseProject({ teamExtra: "alertBudget: { perDay: -1 }," });
    const [problem] = withCode(await compileFiles({ "moncc.config.ts": text }), "MON004");
    expect(problem.message).toMatch(/alertBudget\.perDay -1 is not a number of notifications per day/);
  });
});

describe("backtest plan", () => {
  it("replays the generated alert rules with their `for`, and routes as Alertmanager does, with the route's repeat", async () => {
    const compiled = await compileFiles({ "moncc.config.ts": baseProject() });
    const model = compiled.model!;
    const rules = planRules(model);
    expect(rules.map((r) => [r.alert, r.labels.severity, r.timing.forSeconds])).toEqual([["ApiHighErrorRate", "P1", 300], ["ApiHighErrorRate", "P2", 600]]);
    expect(rules[0].expr).toMatch(/> 0\.05$/);
    const { deliver, teamOf } = deliveryPlan(model);
    const labels = { team: "web", severity: "P0", service: "api" };
    // base.ts: P0 notifies page and chat, repeat 1h; P3 chat every 24h.
    expect(deliver(labels)).toEqual([
      { receiver: "web-page", repeatSeconds: HOUR, sendResolved: true },
      { receiver: "web-chat", repeatSeconds: HOUR, sendResolved: true },
    ]);
    expect(deliver(labels).map((d) => d.receiver)).toEqual(routeAlert(buildRoutingTree(model), labels));
    expect(deliver({ ...labels, severity: "P3" })).toEqual([{ receiver: "web-chat", repeatSeconds: 24 * HOUR, sendResolved: true }]);
    expect(teamOf("web-chat")).toBe("web");
  });
});
