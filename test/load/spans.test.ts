// Spans come from the user's own files through the bundle's source map, for definitions spread over
// several files and folders, and exceptions thrown by user code point at the throwing line.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/pipeline.js";
import { lineOf, writeProject } from "../helpers.js";

const metricsFile = `import { histogram } from "moncc";

export const latency = histogram("model_latency_seconds", {
  help: "Prediction latency.",
  unit: "s",
  labels: ["model"],
  buckets: [0.1, 0.2, 0.5],
});
`;

const modelFile = `import { alert, service } from "moncc";
import { latency } from "../shared/metrics";
import { ml } from "../teams";

// padding so the alert is not on an early line
export const fraud = service("fraud", {
  owner: ml,
  alerts: [
    alert.threshold("FraudSlow", {
      query: latency.quantile(0.95, "5m", { by: ["model"] }),
      P2: "> 200ms for 5m",
      summary: "slow",
    }),
  ],
});
`;

const teamsFile = `import { slack, team } from "moncc";
export const ml = team("ml", {
  receivers: { chat: slack({ channel: "#ml", apiUrlFile: "/etc/am/slack" }) },
  escalation: { P2: { notify: ["chat"] } },
});
`;

const configFile = `import { project } from "moncc";
import { ml } from "./teams";
import { fraud } from "./models/fraud";
export default project({
  name: "spans",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [ml],
  services: [fraud],
  defaultReceiver: ml.receiver("chat"),
});
`;

describe("source spans", () => {
  it("point into the user's files, relative to the project root", async () => {
    const dir = writeProject({ "moncc.config.ts": configFile, "teams.ts": teamsFile, "models/fraud.ts": modelFile, "shared/metrics.ts": metricsFile });
    const result = await compile(dir);
    expect(result.diagnostics).toEqual([]);
    const service = result.model!.services[0];
    expect(service.span).toMatchObject({ file: "models/fraud.ts", line: lineOf(modelFile, 'service("fraud"') });
    expect(service.alerts[0].span).toMatchObject({ file: "models/fraud.ts", line: lineOf(modelFile, "alert.threshold") });
    expect(service.metrics[0].span).toMatchObject({ file: "shared/metrics.ts", line: lineOf(metricsFile, "histogram(") });
    expect(result.model!.teams[0].receivers[0].span).toMatchObject({ file: "teams.ts", line: lineOf(teamsFile, "slack(") });

    const manifest = JSON.parse(result.files!.find((f) => f.path === "manifest.json")!.content);
    const entry = manifest.objects.find((o: { id: string }) => o.id === "alert/fraud/FraudSlow/P2");
    expect(entry.source).toMatch(new RegExp(`^models/fraud\\.ts:${lineOf(modelFile, "alert.threshold")}:\\d+$`));
    expect(result.files!.find((f) => f.path === "prometheus/rules/fraud.yml")!.content).toContain("> 0.2\n");
  });

  it("report an exception thrown by user code at the user's line, in a nested file", async () => {
    const broken = modelFile.replace("// padding so the alert is not on an early line", 'const table: Record<string, { q: number }> = {};\nconst q = table["p95"].q;');
    const dir = writeProject({ "moncc.config.ts": configFile, "teams.ts": teamsFile, "models/fraud.ts": broken, "shared/metrics.ts": metricsFile });
    const result = await compile(dir);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d.code).toBe("MON002");
    expect(d.message).toContain("TypeError");
    expect(d.span).toMatchObject({ file: "models/fraud.ts", line: lineOf(broken, 'table["p95"]') });
    expect(fs.existsSync(path.join(dir, "generated"))).toBe(false);
  });

  it("report an exception raised inside a DSL call at the user's call", async () => {
    const broken = modelFile.replace('latency.quantile(0.95, "5m", { by: ["model"] })', 'latency.where({ model: 42 as never }).quantile(0.9, "5m")');
    const dir = writeProject({ "moncc.config.ts": configFile, "teams.ts": teamsFile, "models/fraud.ts": broken, "shared/metrics.ts": metricsFile });
    const result = await compile(dir);
    const [d] = result.diagnostics;
    expect(d.code).toBe("MON002");
    expect(d.span).toMatchObject({ file: "models/fraud.ts", line: lineOf(broken, "latency.where") });
  });

  it("name the definition and point at it when a definition has the wrong shape", async () => {
    const broken = modelFile.replace('latency.quantile(0.95, "5m", { by: ["model"] })', '"up > 1" as never');
    const dir = writeProject({ "moncc.config.ts": configFile, "teams.ts": teamsFile, "models/fraud.ts": broken, "shared/metrics.ts": metricsFile });
    const result = await compile(dir);
    const [d] = result.diagnostics;
    expect(d.code).toBe("MON004");
    expect(d.message).toContain("alert fraud/FraudSlow");
    expect(d.span).toMatchObject({ file: "models/fraud.ts", line: lineOf(broken, "alert.threshold") });
  });
});
