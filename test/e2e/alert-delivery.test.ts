// The whole chain with real servers: generated rules in Prometheus fire on scraped data, Prometheus
// sends the alerts to Alertmanager running the generated config, and Alertmanager delivers them to
// the webhook receivers the team's policy names, with the P1 inhibiting its P2 twin.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { compile } from "../../src/pipeline.js";
import { tempDir, writeProject } from "../helpers.js";
import { freePort, startAlertmanager, startPrometheus, type RunningServer } from "./servers.js";

interface Delivery {
  receiver: string;
  alerts: { labels: Record<string, string>; annotations: Record<string, string> }[];
}

const deliveries: Delivery[] = [];
let hooks: http.Server;
let exporter: http.Server;
let prometheus: RunningServer;
let alertmanager: RunningServer;

const listen = async (server: http.Server) => {
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return port;
};

function definitions(hookPort: number): string {
  return `import { alert, gauge, project, service, team, webhook } from "moncc";
const queueDepth = gauge("work_queue_depth", { help: "Jobs waiting.", unit: "count", labels: ["queue"] });
const ops = team("ops", {
  receivers: {
    page: webhook({ url: "http://127.0.0.1:${hookPort}/page", sendResolved: false }),
    chat: webhook({ url: "http://127.0.0.1:${hookPort}/chat", sendResolved: false }),
  },
  escalation: {
    P1: { notify: ["page", "chat"], groupWait: "1s" },
    P2: { notify: ["chat"], groupWait: "1s" },
  },
  groupInterval: "1s",
});
export default project({
  name: "delivery",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [ops],
  services: [service("worker", {
    owner: ops,
    alerts: [alert.threshold("QueueBacklog", {
      query: queueDepth.max({ by: ["queue"] }),
      P1: "> 100",
      P2: "> 50",
      summary: "{{ $labels.queue }} has {{ $value }} jobs waiting",
      runbook: "https://runbooks.example.com/queue",
    })],
  })],
  defaultReceiver: ops.receiver("chat"),
  routing: { groupWait: "1s", groupInterval: "1s" },
});
`;
}

beforeAll(async () => {
  hooks = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const payload = JSON.parse(body) as { receiver: string; alerts: Delivery["alerts"] };
      deliveries.push({ receiver: `${req.url}`, alerts: payload.alerts });
      res.end("ok");
    });
  });
  const hookPort = await listen(hooks);
  // queue "a" is over both thresholds; queue "b" only over the P2 one.
  exporter = http.createServer((_req, res) => res.end('# TYPE work_queue_depth gauge\nwork_queue_depth{queue="a"} 120\nwork_queue_depth{queue="b"} 70\n'));
  const exporterPort = await listen(exporter);

  const result = await compile(writeProject({ "moncc.config.ts": definitions(hookPort) }));
  expect(result.diagnostics).toEqual([]);
  const out = tempDir("moncc-delivery-");
  writeOutputAtomically(out, result.files!);
  alertmanager = await startAlertmanager(path.join(out, "alertmanager/alertmanager.yml"));

  const config = path.join(out, "prometheus.yml");
  fs.writeFileSync(config, [
    "global: { scrape_interval: 1s, evaluation_interval: 1s }",
    `rule_files: [${JSON.stringify(path.join(out, "prometheus/rules/*.yml"))}]`,
    `alerting: { alertmanagers: [{ static_configs: [{ targets: ["${new URL(alertmanager.url).host}"] }] }] }`,
    `scrape_configs: [{ job_name: exporter, static_configs: [{ targets: ["127.0.0.1:${exporterPort}"] }] }]`,
    "",
  ].join("\n"));
  prometheus = await startPrometheus(config);
});

afterAll(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await new Promise((resolve) => exporter?.close(resolve));
  await new Promise((resolve) => hooks?.close(resolve));
});

const delivered = (receiver: string) =>
  deliveries.filter((d) => d.receiver === receiver).flatMap((d) => d.alerts.map((a) => `${a.labels.queue}/${a.labels.severity}`)).sort();

describe("generated rules and routing with real Prometheus and Alertmanager", () => {
  it("delivers each firing severity to its receivers, and the P1 inhibits its P2 twin", async () => {
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      if (delivered("/page").includes("a/P1") && delivered("/chat").includes("a/P1") && delivered("/chat").includes("b/P2")) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // Let any late (wrong) notification arrive before judging.
    await new Promise((r) => setTimeout(r, 3000));
    expect(new Set(delivered("/page"))).toEqual(new Set(["a/P1"]));
    expect(new Set(delivered("/chat"))).toEqual(new Set(["a/P1", "b/P2"]));

    const a = deliveries.flatMap((d) => d.alerts).find((x) => x.labels.queue === "a")!;
    expect(a.labels).toMatchObject({ alertname: "QueueBacklog", service: "worker", team: "ops", severity: "P1" });
    expect(a.annotations).toMatchObject({ summary: "a has 120 jobs waiting", runbook_url: "https://runbooks.example.com/queue" });
  });
});
