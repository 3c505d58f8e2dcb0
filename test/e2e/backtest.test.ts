// moncc backtest against a real Prometheus holding 3.5 days of a backfilled synthetic gauge with
// known high-memory episodes. The expected notifications are worked out by hand from the episodes,
// the rule's `for` and the route's repeat interval, independently of the simulation's code.

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BacktestReport } from "../../src/backtest/render.js";
import { baseProject, tempDir, writeProject, runCli } from "../helpers.js";
import { requireTool } from "../tools/tools.js";
import { backfilledTsdb, freePort, startPrometheus, type RunningServer } from "./servers.js";

const MINUTE = 60;
const HISTORY_MINUTES = 84 * 60; // 3.5 days, so the 3-day replay starts inside the data
const HIGH = 2 * 1024 ** 3;
const LOW = 100 * 1024 ** 2;

/**
 * Episodes of high memory, as [minutes ago of the first high minute, length in minutes]. The alert
 * is P2 "> 1GiB for 10m", routed to web-chat with repeat 4h, which sends resolved notifications:
 * - 30 minutes: fires after 10, for 20 minutes: 1 + resolved = 2
 * - 300 minutes: fires for 290 minutes, past the 4h repeat: 2 + resolved = 3
 * - 5 minutes: shorter than `for`, never fires: 0
 * - 60 minutes: fires for 50 minutes: 1 + resolved = 2
 */
const EPISODES: readonly [number, number][] = [[60 * 60, 30], [48 * 60, 300], [30 * 60, 5], [12 * 60, 60]];
const NOTIFICATIONS = 7;
const FIRING_EPISODES = 3;
const DAYS = 3;

let prometheus: RunningServer;
const projects: Record<string, string> = {};

function project(budget: number): string {
  return writeProject({
    "moncc.config.ts": baseProject({
      teamExtra: `alertBudget: { perDay: ${budget} },`,
      alerts: `alert.threshold("MemoryHigh", {
      query: memory.value(),
      P2: "> 1GiB for 10m",
      summary: "Memory is high",
      runbook: "https://runbooks.example.com/memory",
    }),`,
    }),
  });
}

beforeAll(async () => {
  requireTool("promtool");
  const last = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - MINUTE;
  const high = new Set(EPISODES.flatMap(([from, length]) => Array.from({ length }, (_, i) => from - i)));
  const lines = ["# HELP process_resident_memory_bytes RSS.", "# TYPE process_resident_memory_bytes gauge"];
  for (let ago = HISTORY_MINUTES; ago >= 0; ago--) {
    lines.push(`process_resident_memory_bytes{instance="a"} ${high.has(ago) ? HIGH : LOW} ${last - ago * MINUTE}`);
  }
  lines.push("# EOF");
  const work = tempDir("moncc-backtest-");
  const tsdb = backfilledTsdb(work, lines);
  const config = path.join(work, "prometheus.yml");
  fs.writeFileSync(config, "global: { scrape_interval: 1m }\nscrape_configs: []\n");
  prometheus = await startPrometheus(config, { storageDir: tsdb, extraArgs: ["--storage.tsdb.retention.time=60d"] });
  projects.under = project(2);
  projects.within = project(3);
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
});

describe("moncc backtest against backfilled synthetic data", () => {
  it("counts the notifications the known episodes cause and warns MON604 when they exceed the team's budget", async () => {
    const result = await runCli(["backtest", projects.under, "--prometheus", prometheus.url, "--days", String(DAYS), "--format", "json"]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as BacktestReport;
    expect(report.days).toBe(DAYS);
    const [web] = report.teams;
    expect(web.notifications).toBe(NOTIFICATIONS);
    expect(web.perDay).toBeCloseTo(NOTIFICATIONS / DAYS, 9);
    expect(web.receivers).toEqual([{ receiver: "web-chat", notifications: NOTIFICATIONS, perDay: web.perDay }]);
    expect(web.alerts.map((a) => [a.alert, a.episodes, a.notifications])).toEqual([["MemoryHigh", FIRING_EPISODES, NOTIFICATIONS]]);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ code: "MON604", severity: "warning", subject: "team web" });
    expect(report.diagnostics[0].message).toBe('team "web": an estimated 2.3 notifications per day (7 in 3 days of history), over its alert budget of 2 per day');
  }, 60_000);

  it("exits 0 with no warning when the team is within its budget, and prints a table per team", async () => {
    const result = await runCli(["backtest", projects.within, "--prometheus", prometheus.url, "--days", String(DAYS)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("team web: 2.3 notifications/day (7 in all; budget 3/day)");
    expect(result.stdout).toMatch(/web-chat\s+7\s+2\.3/);
    expect(result.stderr).not.toContain("MON604");
    expect(result.stderr).toContain("every team within its alert budget");
    const over = await runCli(["backtest", projects.under, "--prometheus", prometheus.url, "--days", String(DAYS)]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain("budget 2/day, OVER BUDGET");
    expect(over.stderr).toMatch(/MON604.*team "web": an estimated 2\.3 notifications per day/);
  }, 60_000);

  it("finds the same notifications at a 20s step, whose 12 961 evaluations take two range queries", async () => {
    const result = await runCli(["backtest", projects.within, "--prometheus", prometheus.url, "--days", String(DAYS), "--step", "20s", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const [web] = (JSON.parse(result.stdout) as BacktestReport).teams;
    expect(web.alerts.map((a) => [a.alert, a.episodes, a.notifications])).toEqual([["MemoryHigh", FIRING_EPISODES, NOTIFICATIONS]]);
  }, 60_000);

  it("exits 2 with one line when Prometheus cannot be reached", async () => {
    const port = await freePort();
    const result = await runCli(["backtest", projects.within, "--prometheus", `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+/);
  });
});
