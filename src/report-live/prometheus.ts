// The only I/O of the live report: execute each SLO's query plan against the Prometheus HTTP API
// with fetch, at one evaluation instant, and hand the raw samples back. Failures become a
// PrometheusError with a one-line message; the CLI prints it and exits 2.

import type { RawLive, SloPlan } from "../generators/report/live.js";

export class PrometheusError extends Error {}

interface ApiAnswer {
  status: "success" | "error";
  errorType?: string;
  error?: string;
  data?: { resultType: string; result: { metric: Record<string, string>; value?: [number, string]; values?: [number, string][] }[] };
}

export interface PrometheusClient {
  instant(query: string, time: number): Promise<{ metric: Record<string, string>; value: number }[]>;
  /** A range query that must return at most one series. */
  range(query: string, start: number, end: number, step: number): Promise<[number, number][]>;
  /** A range query returning every series. */
  rangeAll(query: string, start: number, end: number, step: number): Promise<{ metric: Record<string, string>; values: [number, number][] }[]>;
}

export function prometheusClient(baseUrl: string, options: { timeoutMs?: number } = {}): PrometheusClient {
  const base = baseUrl.replace(/\/+$/, "");
  const call = async (endpoint: string, params: Record<string, string>): Promise<NonNullable<ApiAnswer["data"]>> => {
    const url = `${base}/api/v1/${endpoint}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new PrometheusError(`cannot reach Prometheus at ${base}: ${cause}`);
    }
    const text = await response.text().catch(() => "");
    let answer: ApiAnswer | undefined;
    try {
      answer = JSON.parse(text) as ApiAnswer;
    } catch {
      answer = undefined;
    }
    if (!answer || typeof answer !== "object" || !("status" in answer)) {
      throw new PrometheusError(`${url} answered HTTP ${response.status} without a Prometheus API response; is ${base} a Prometheus server?`);
    }
    if (answer.status !== "success" || !answer.data) {
      const query = params.query.replace(/\s+/g, " ");
      throw new PrometheusError(`Prometheus at ${base} rejected the query (HTTP ${response.status}, ${answer.errorType ?? "error"}: ${answer.error ?? "no message"}): ${query}`);
    }
    return answer.data;
  };
  const number = (text: string) => Number(text);
  const rangeAll: PrometheusClient["rangeAll"] = async (query, start, end, step) => {
    const data = await call("query_range", { query, start: String(start), end: String(end), step: String(step) });
    return data.result.map((r) => ({ metric: r.metric, values: (r.values ?? []).map(([t, v]) => [t, number(v)] as [number, number]) }));
  };
  return {
    async instant(query, time) {
      const data = await call("query", { query, time: String(time) });
      if (data.resultType === "scalar") return [{ metric: {}, value: number((data.result as unknown as [number, string])[1]) }];
      return data.result.map((r) => ({ metric: r.metric, value: number(r.value![1]) }));
    },
    async range(query, start, end, step) {
      const result = await rangeAll(query, start, end, step);
      if (result.length > 1) throw new PrometheusError(`the query returned ${result.length} series where one was expected: ${query.replace(/\s+/g, " ")}`);
      return result[0]?.values ?? [];
    },
    rangeAll,
  };
}

/** A single value from an instant query that must return at most one series. */
async function single(client: PrometheusClient, query: string, time: number): Promise<number | null> {
  const result = await client.instant(query, time);
  if (result.length > 1) throw new PrometheusError(`the query returned ${result.length} series where one was expected: ${query.replace(/\s+/g, " ")}`);
  return result.length === 0 ? null : result[0].value;
}

/** Runs one SLO's plan; `progress` is told what is being queried. */
export async function fetchLive(client: PrometheusClient, plan: SloPlan, time: number, progress: (what: string) => void = () => {}): Promise<RawLive> {
  const windows: RawLive["windows"][number][] = [];
  for (const q of plan.windows) {
    progress(`${q.window} window`);
    windows.push({
      window: q.window,
      error: await single(client, q.error, time),
      total: q.total === undefined ? null : await single(client, q.total, time),
    });
  }
  progress("alerts");
  const alerts = (await client.instant(plan.alerts, time)).map((s) => ({ group: s.metric.sloth_severity ?? s.metric.tier ?? "", state: s.metric.alertstate ?? "" }));
  const recorded = await client.instant(plan.recordedBudgetRemaining, time);
  const b = plan.burnDown;
  progress(`burn-down (${b.steps} points)`);
  const burnError = await client.range(b.error, b.start, b.end, b.stepSeconds);
  const burnTotal = b.total === undefined ? null : await client.range(b.total, b.start, b.end, b.stepSeconds);
  return { windows, alerts, recordedBudgetRemaining: recorded.length === 1 ? recorded[0].value : null, burnError, burnTotal };
}
