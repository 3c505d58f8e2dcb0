// Test helpers: write a throwaway project to a temp folder and compile it.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main.js";
import { compile, type CompileResult } from "../src/pipeline.js";

export function tempDir(prefix = "moncc-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `files` (relative path → content) into a fresh folder and returns its path. */
export function writeProject(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return dir;
}

/** Compiles a project made of `files`; `moncc.config.ts` is the entry. */
export async function compileFiles(files: Record<string, string>, options: { validateOnly?: boolean } = {}): Promise<CompileResult> {
  return compile(writeProject(files), options);
}

/** Pieces of the base fixture that a test may replace; every one is optional. */
export interface BaseProjectParts {
  /** Code right after the moncc import line; it may hold further import statements. */
  head?: string;
  /** Names imported from "moncc", replacing the default list. */
  imports?: string;
  teamExtra?: string;
  escalation?: string;
  receivers?: string;
  alerts?: string;
  /** The service's name (default "api"). */
  serviceName?: string;
  /** The service's metrics list, without brackets (default `requests, latency, memory`). */
  metrics?: string;
  serviceExtra?: string;
  /** Code between the service and the project, e.g. a second team or service. */
  tail?: string;
  /** The project's `targets` object (default `{ prometheus: "2.42", alertmanager: "0.25" }`). */
  targets?: string;
  /** The project's teams, without brackets (default `web`). */
  teams?: string;
  /** The project's services, without brackets (default `api`). */
  services?: string;
  /** The project's default receiver (default `web.receiver("chat")`). */
  defaultReceiver?: string;
  projectExtra?: string;
}

const DEFAULT_IMPORTS = "alert, counter, errorRatio, gauge, histogram, project, promql, record, service, slack, pagerduty, webhook, email, opsgenie, slo, team, timeInterval";

/**
 * A small valid project as a starting point for fixtures: one team "web" with receivers chat and
 * page, one service "api". `parts` replaces pieces of it.
 */
export function baseProject(parts: BaseProjectParts = {}): string {
  return `import { ${parts.imports ?? DEFAULT_IMPORTS} } from "moncc";
${parts.head ?? ""}
const requests = counter("http_requests_total", { help: "Requests.", unit: "requests", labels: ["code", "route"] });
const latency = histogram("http_request_duration_seconds", { help: "Latency.", unit: "s", labels: ["route"], buckets: [0.05, 0.1, 0.2, 0.5, 1] });
const memory = gauge("process_resident_memory_bytes", { help: "RSS.", unit: "bytes", labels: [] });

const web = team("web", {
  receivers: {
    ${parts.receivers ?? `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),`}
  },
  escalation: {
    ${parts.escalation ?? `P0: { notify: ["page", "chat"], repeat: "1h" },
    P1: { notify: ["page"], repeat: "2h" },
    P2: { notify: ["chat"], repeat: "4h" },
    P3: { notify: ["chat"], repeat: "24h" },`}
  },
  ${parts.teamExtra ?? ""}
});

const api = service(${JSON.stringify(parts.serviceName ?? "api")}, {
  owner: web,
  metrics: [${parts.metrics ?? "requests, latency, memory"}],
  alerts: [
    ${parts.alerts ?? `alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5% for 5m",
      P2: "> 1% for 10m",
      summary: "API error rate is high",
      runbook: "https://runbooks.example.com/api",
    }),`}
  ],
  ${parts.serviceExtra ?? ""}
});
${parts.tail ?? ""}
export default project({
  name: "fixture",
  targets: ${parts.targets ?? `{ prometheus: "2.42", alertmanager: "0.25" }`},
  teams: [${parts.teams ?? "web"}],
  services: [${parts.services ?? "api"}],
  defaultReceiver: ${parts.defaultReceiver ?? `web.receiver("chat")`},
  ${parts.projectExtra ?? ""}
});
`;
}

/** The diagnostics of `result` that carry `code`. */
export function withCode(result: Pick<CompileResult, "diagnostics">, code: string) {
  return result.diagnostics.filter((d) => d.code === code);
}

/** The line (1-based) of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  return text.slice(0, index).split("\n").length;
}

/**
 * The 1-based line and column of the first occurrence of `needle` in `text`, moved `delta`
 * characters to the right (to point inside the needle).
 */
export function positionOf(text: string, needle: string, delta = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, index + delta);
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}

/** Every file below `dir` (relative path → content), for byte-for-byte comparisons. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files[child] = fs.readFileSync(path.join(dir, child), "utf8");
    }
  };
  walk("");
  return files;
}

/** Runs the CLI in-process without color; stdout and stderr are collected as text. */
export async function runCli(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), color: false, cwd });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
