// The real Prometheus and Alertmanager tools. A missing tool fails the test (never skips it): run
// scripts/install-tools.sh, which .ci/run calls.

import { spawnSync } from "node:child_process";

export type Tool = "promtool" | "amtool" | "prometheus" | "prometheus-alertmanager";

export function requireTool(tool: Tool): string {
  const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  const file = found.stdout.trim();
  if (found.status !== 0 || !file) {
    const where = process.env.CI === "true" ? "CI must install it" : "install it";
    throw new Error(`${tool} is not installed: ${where} with scripts/install-tools.sh (Debian packages prometheus and prometheus-alertmanager)`);
  }
  return file;
}

export interface RunResult {
  readonly status: number | null;
  readonly output: string;
}

export function runTool(tool: Tool, args: readonly string[], options: { cwd?: string } = {}): RunResult {
  const file = requireTool(tool);
  const result = spawnSync(file, args, { encoding: "utf8", cwd: options.cwd, timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}
