// `moncc preview` wiring: pages, index and manifest written atomically, a second run replaces them,
// diagnostics and exit codes as build. compile() is replaced by a fake returning SDK-built dashboards,
// so these tests do not depend on what the dashboard generator emits for a given project.

import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { CompileResult } from "../../src/pipeline.js";
import { readTree, runCli, tempDir, writeProject } from "../helpers.js";
import { sampleDashboard } from "./sample-dashboard.js";

const fake = vi.hoisted(() => ({ result: undefined as unknown, targets: [] as string[] }));

vi.mock("../../src/pipeline.js", () => ({
  compile: vi.fn(async (target: string) => {
    fake.targets.push(target);
    return fake.result;
  }),
}));

function compiled(files: { path: string; content: string }[] | undefined, diagnostics: Diagnostic[] = []): CompileResult {
  return { diagnostics, root: "/nonexistent", sources: { get: () => undefined }, files, timings: { load: 0, model: 0, validate: 0, generate: 0, typecheck: 0 } };
}

const dashboardFile = (folder: string, uid: string, title: string) => ({
  path: `grafana/dashboards/${folder}/${uid}.json`,
  content: `${JSON.stringify({ ...sampleDashboard(), uid, title }, null, 2)}\n`,
});

const RULES = { path: "prometheus/rules/api.yml", content: "groups: []\n" };

let project: string;

beforeEach(() => {
  project = writeProject({ "moncc.config.ts": "export default {};\n" });
  fake.targets = [];
});

describe("moncc preview", () => {
  it("writes <folder>/<uid>.html per dashboard, index.html and manifest.json to <project>/preview", async () => {
    fake.result = compiled([RULES, dashboardFile("web", "api-service", "API <service>"), dashboardFile("slo", "api-availability", "API availability")]);
    const result = await runCli(["preview", project]);
    expect(result.code).toBe(0);
    expect(fake.targets).toEqual([project]);
    expect(result.stderr).toBe(`moncc preview: 2 dashboard pages and index.html → ${path.relative(process.cwd(), path.join(project, "preview"))}`);
    const tree = readTree(path.join(project, "preview"));
    expect(Object.keys(tree).sort()).toEqual(["index.html", "manifest.json", "slo/api-availability.html", "web/api-service.html"]);
    expect(tree["web/api-service.html"]).toContain("<h1>API &lt;service&gt;</h1>");
    expect(tree["web/api-service.html"]).toContain('data-grid="18,15,6,8"');
    expect(tree["index.html"]).toMatch(/data-folder="slo">[\s\S]*href="slo\/api-availability.html">API availability<[\s\S]*data-folder="web">[\s\S]*href="web\/api-service.html">API &lt;service&gt;</);
    expect(JSON.parse(tree["manifest.json"])).toEqual({
      generator: "moncc preview",
      pages: [
        { file: "slo/api-availability.html", title: "API availability", source: "grafana/dashboards/slo/api-availability.json" },
        { file: "web/api-service.html", title: "API <service>", source: "grafana/dashboards/web/api-service.json" },
      ],
    });
  });

  it("replaces its own previous output on the next run, and gives the same bytes", async () => {
    fake.result = compiled([dashboardFile("web", "a", "A"), dashboardFile("web", "b", "B")]);
    const out = path.join(tempDir(), "out");
    expect((await runCli(["preview", project, "-o", out])).code).toBe(0);
    const first = readTree(out);
    fake.result = compiled([dashboardFile("web", "a", "A")]);
    expect((await runCli(["preview", project, "--out", out])).code).toBe(0);
    expect(Object.keys(readTree(out)).sort()).toEqual(["index.html", "manifest.json", "web/a.html"]);
    fake.result = compiled([dashboardFile("web", "a", "A"), dashboardFile("web", "b", "B")]);
    expect((await runCli(["preview", project, "--out", out])).code).toBe(0);
    expect(readTree(out)).toEqual(first);
  });

  it("refuses to replace a folder it did not create, and exits 2", async () => {
    fake.result = compiled([dashboardFile("web", "a", "A")]);
    const out = tempDir();
    fs.writeFileSync(path.join(out, "notes.txt"), "mine\n");
    const result = await runCli(["preview", project, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^moncc preview: refusing to replace .+: it is not empty and holds no manifest.json/);
    expect(readTree(out)).toEqual({ "notes.txt": "mine\n" });
  });

  it("says so and exits 1 when the build output holds no dashboards", async () => {
    fake.result = compiled([RULES]);
    const result = await runCli(["preview", project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("moncc preview: the definitions produce no Grafana dashboards (no grafana/dashboards/*.json in the build output); nothing was written");
    expect(fs.existsSync(path.join(project, "preview"))).toBe(false);
  });

  it("prints the diagnostics like build and exits 1 on errors, writing nothing", async () => {
    const error: Diagnostic = { code: "MON101", severity: "error", message: "the alert has no summary", span: undefined, hint: undefined };
    fake.result = compiled(undefined, [error]);
    const result = await runCli(["preview", project, "--format", "json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ diagnostics: [{ code: "MON101", message: "the alert has no summary" }] });
    expect(result.stderr).toBe("moncc preview: failed with 1 error, 0 warnings; nothing was written");
    expect(fs.existsSync(path.join(project, "preview"))).toBe(false);
  });

  it("fails on more warnings than --max-warnings allows", async () => {
    const warning: Diagnostic = { code: "MON302", severity: "warning", message: "receiver chat is never used", span: undefined, hint: undefined };
    fake.result = compiled([dashboardFile("web", "a", "A")], [warning]);
    const result = await runCli(["preview", project, "--max-warnings", "0"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("MON302");
    expect(result.stderr).toContain("moncc preview: failed with 1 warning, more than --max-warnings 0 allows; nothing was written");
  });

  it("exits 2 on a usage error", async () => {
    expect((await runCli(["preview", project, "--format", "xml"])).code).toBe(2);
  });
});
