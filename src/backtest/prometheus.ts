// The backtest's only I/O: range queries of each alert rule's expression, every series kept, in
// chunks Prometheus accepts. Failures are PrometheusError; the CLI exits 2.

import type { PrometheusClient } from "../report-live/prometheus.js";
import type { SeriesHistory } from "./aggregate.js";
import type { Grid } from "./simulate.js";

/** Prometheus refuses range queries of more than 11 000 points per series; stay below it. */
const MAX_POINTS = 10_000;

/** The series `query` returns on the grid, and the grid instants at which each had a sample. */
export async function rangeSeries(client: PrometheusClient, query: string, grid: Grid): Promise<SeriesHistory[]> {
  const series = new Map<string, { labels: Record<string, string>; trueAt: number[] }>();
  for (let from = grid.start; from <= grid.end; from += MAX_POINTS * grid.step) {
    const to = Math.min(grid.end, from + (MAX_POINTS - 1) * grid.step);
    for (const result of await client.rangeAll(query, from, to, grid.step)) {
      const key = JSON.stringify(Object.entries(result.metric).sort(([a], [b]) => (a < b ? -1 : 1)));
      const entry = series.get(key) ?? { labels: result.metric, trueAt: [] };
      series.set(key, entry);
      for (const [t] of result.values) entry.trueAt.push(t);
    }
  }
  return [...series.keys()].sort().map((key) => series.get(key)!);
}
