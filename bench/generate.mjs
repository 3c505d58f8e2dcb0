// Writes a synthetic moncc project of N services as TypeScript files, for the benchmark.
//
//   teams/team-<t>.ts    one team per 10 services: slack + pagerduty + webhook receivers,
//                        P0–P3 escalation with repeat intervals
//   services/svc-<i>.ts  a latency histogram (seconds, buckets), request and error counters,
//                        a utilization gauge; 4 threshold alerts with 2 severities each and
//                        one recording rule
//   moncc.config.ts      project({...}) importing every team and service
//
// Usage as a script: node bench/generate.mjs <services> [dir]   (dir defaults to a new temp folder)

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const SERVICES_PER_TEAM = 10;

const pad = (value, width) => String(value).padStart(width, "0");

/** Team index for service i (0-based). */
const teamOf = (i) => Math.floor(i / SERVICES_PER_TEAM);

function teamFile(t) {
  const name = `team-${pad(t, 4)}`;
  return `import { pagerduty, slack, team, webhook } from "moncc";

export const team${t} = team(${JSON.stringify(name)}, {
  receivers: {
    chat: slack({ channel: "#alerts-${name}", apiUrlFile: "/etc/alertmanager/secrets/slack-${name}", username: "moncc" }),
    pager: pagerduty({ routingKeyFile: "/etc/alertmanager/secrets/pagerduty-${name}" }),
    hook: webhook({ url: "https://hooks.example.com/alerts/${name}", bearerTokenFile: "/etc/alertmanager/secrets/hook-${name}", maxAlerts: 20 }),
  },
  escalation: {
    P0: { notify: ["pager", "chat"], repeat: "30m", groupWait: "10s" },
    P1: { notify: ["pager"], repeat: "1h" },
    P2: { notify: ["chat", "hook"], repeat: "4h" },
    P3: { notify: ["hook"], repeat: "24h" },
  },
  groupBy: ["alertname", "service", "route"],
  groupInterval: "5m",
});
`;
}

function serviceFile(i) {
  const t = teamOf(i);
  const name = `svc-${i}`;
  const prefix = `svc_${i}`;
  const runbook = (slug) => JSON.stringify(`https://runbooks.example.com/${name}/${slug}`);
  return `import { alert, counter, errorRatio, gauge, histogram, record, service } from "moncc";
import { team${t} } from "../teams/team-${pad(t, 4)}";

const latency = histogram("${prefix}_http_request_duration_seconds", {
  help: "HTTP request latency of ${name}.",
  unit: "s",
  labels: ["route", "method"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

const requests = counter("${prefix}_http_requests_total", {
  help: "HTTP requests served by ${name}.",
  unit: "requests",
  labels: ["route", "code"],
});

const errors = counter("${prefix}_http_request_errors_total", {
  help: "HTTP requests of ${name} that failed.",
  unit: "requests",
  labels: ["route", "code"],
});

const utilization = gauge("${prefix}_worker_pool_utilization_ratio", {
  help: "Share of busy workers in the pool of ${name}.",
  unit: "ratio",
  labels: ["pool"],
});

export const svc${i} = service(${JSON.stringify(name)}, {
  owner: team${t},
  description: "Synthetic benchmark service ${i}.",
  labels: { tier: "${["frontend", "backend", "data"][i % 3]}" },
  metrics: [latency, requests, errors, utilization],
  alerts: [
    alert.threshold("HighLatency", {
      query: latency.quantile(0.95, "5m", { by: ["route"] }),
      P2: "> 500ms for 5m",
      P1: "> 1s for 2m",
      summary: "p95 latency of {{ $labels.route }} is {{ $value | humanizeDuration }}",
      description: "The 95th percentile latency of ${name} is above its objective.",
      runbook: ${runbook("high-latency")},
    }),
    alert.threshold("HighErrorRate", {
      query: errorRatio(errors.where({ code: ["500", "502", "503"] }), requests, "5m", { by: ["route"] }),
      P2: "> 1% for 10m",
      P1: "> 5% for 5m",
      summary: "{{ $labels.route }} fails {{ $value | humanizePercentage }} of requests",
      runbook: ${runbook("high-error-rate")},
    }),
    alert.threshold("WorkerPoolSaturated", {
      query: utilization.max({ by: ["pool"] }),
      P3: "> 80% for 30m",
      P1: "> 95% for 10m",
      summary: "worker pool {{ $labels.pool }} is {{ $value | humanizePercentage }} busy",
      runbook: ${runbook("worker-pool-saturated")},
    }),
    alert.threshold("SlowRequests", {
      query: latency.where({ method: { not: "OPTIONS" } }).fractionOver("500ms", "10m"),
      P3: "> 10% for 30m",
      P2: "> 25% for 15m",
      summary: "{{ $value | humanizePercentage }} of requests take longer than 500ms",
      runbook: ${runbook("slow-requests")},
    }),
  ],
  rules: [
    record("route:${prefix}_http_requests:rate5m", requests.rate("5m").sum({ by: ["route"] })),
  ],
});
`;
}

function configFile(services, teams) {
  const lines = ['import { project } from "moncc";'];
  for (let t = 0; t < teams; t++) lines.push(`import { team${t} } from "./teams/team-${pad(t, 4)}";`);
  for (let i = 0; i < services; i++) lines.push(`import { svc${i} } from "./services/svc-${i}";`);
  const teamList = Array.from({ length: teams }, (_, t) => `team${t}`);
  const serviceList = Array.from({ length: services }, (_, i) => `svc${i}`);
  lines.push(
    "",
    "export default project({",
    `  name: "bench-${services}",`,
    '  targets: { prometheus: "2.53", alertmanager: "0.27" },',
    `  teams: [${teamList.join(", ")}],`,
    `  services: [${serviceList.join(", ")}],`,
    "  defaultReceiver: team0.receiver(\"chat\"),",
    '  routing: { groupBy: ["alertname", "service"], groupWait: "30s", groupInterval: "5m", repeat: "4h" },',
    "});",
    "",
  );
  return lines.join("\n");
}

/**
 * Writes the project into `dir` (created if missing) and returns what it wrote. Expected output:
 * 8 alert rules and 1 recording rule per service.
 */
export function generateProject(dir, services) {
  if (!Number.isInteger(services) || services < 1) throw new Error(`services must be a positive integer, got ${services}`);
  const teams = Math.ceil(services / SERVICES_PER_TEAM);
  fs.mkdirSync(path.join(dir, "teams"), { recursive: true });
  fs.mkdirSync(path.join(dir, "services"), { recursive: true });
  let bytes = 0;
  const write = (file, content) => {
    fs.writeFileSync(path.join(dir, file), content);
    bytes += Buffer.byteLength(content);
  };
  for (let t = 0; t < teams; t++) write(`teams/team-${pad(t, 4)}.ts`, teamFile(t));
  for (let i = 0; i < services; i++) write(`services/svc-${i}.ts`, serviceFile(i));
  write("moncc.config.ts", configFile(services, teams));
  return { dir, services, teams, sourceFiles: teams + services + 1, sourceBytes: bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const services = Number(process.argv[2] ?? 10);
  const dir = process.argv[3] ? path.resolve(process.argv[3]) : fs.mkdtempSync(path.join(os.tmpdir(), "moncc-bench-src-"));
  const info = generateProject(dir, services);
  console.log(`wrote ${info.sourceFiles} files (${info.services} services, ${info.teams} teams) to ${info.dir}`);
}
