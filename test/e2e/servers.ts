// Starts real prometheus and prometheus-alertmanager on 127.0.0.1, on free ports, in temp folders,
// and stops them by PID.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { tempDir } from "../helpers.js";
import { requireTool } from "../tools/tools.js";

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  readonly log: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function start(binary: string, args: (port: number, dir: string) => string[]): Promise<RunningServer> {
  const port = await freePort();
  const dir = tempDir("moncc-e2e-");
  const child: ChildProcess = spawn(binary, args(port, dir), { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    pid: child.pid!,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        process.kill(child.pid!, "SIGTERM");
        setTimeout(() => child.exitCode === null && process.kill(child.pid!, "SIGKILL"), 5000).unref();
      }),
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${binary} exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`${binary} did not become ready in 20 s:\n${log}`);
}

export function startAlertmanager(configFile: string): Promise<RunningServer> {
  return start(requireTool("prometheus-alertmanager"), (port, dir) => [
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
    `--storage.path=${dir}`,
    `--config.file=${configFile}`,
  ]);
}

export interface PrometheusOptions {
  /** TSDB folder to start from, e.g. one with backfilled blocks (default: a fresh temp folder). */
  readonly storageDir?: string;
  /** More flags, e.g. --storage.tsdb.retention.time=60d. */
  readonly extraArgs?: readonly string[];
}

export function startPrometheus(configFile: string, options: PrometheusOptions = {}): Promise<RunningServer> {
  return start(requireTool("prometheus"), (port, dir) => [
    `--web.listen-address=127.0.0.1:${port}`,
    `--storage.tsdb.path=${options.storageDir ?? dir}`,
    `--config.file=${configFile}`,
    ...(options.extraArgs ?? []),
  ]);
}

/**
 * A TSDB folder holding `lines` of OpenMetrics (timestamps in seconds, closed by `# EOF`),
 * backfilled with promtool, for a Prometheus that starts with history.
 */
export function backfilledTsdb(work: string, lines: readonly string[]): string {
  const input = path.join(work, "in.om");
  fs.writeFileSync(input, `${lines.join("\n")}\n`);
  const tsdb = path.join(work, "tsdb");
  const backfill = spawnSync(requireTool("promtool"), ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=744h", input, tsdb], { encoding: "utf8", timeout: 120_000 });
  if (backfill.status !== 0) throw new Error(`promtool could not backfill: ${backfill.stdout}${backfill.stderr}`);
  return tsdb;
}
