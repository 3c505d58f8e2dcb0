// The generated dashboard JSON type-checks against the Grafana Foundation SDK's own Dashboard type:
// each file becomes a .ts that assigns the JSON to it, compiled by tsc. An unknown key (excess
// property), a wrong value type or a value outside one of Grafana's enums is a type error, so a
// schema drift between moncc's output and the SDK's pinned schema fails here.

import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../src/pipeline.js";

// Inside the repository, so the SDK resolves from node_modules as it does for users.
const dir = fs.mkdtempSync(path.join(process.cwd(), "test", ".sdk-types-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * The SDK's types use TS enums; JSON holds their values, which `${Enum}` spells as literal unions.
 * Panel targets are typed as any datasource's query; here they are Prometheus queries.
 */
const PRELUDE = `import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Dataquery as PrometheusQuery } from "@grafana/grafana-foundation-sdk/prometheus";
type Json<T> = T extends string ? \`\${T}\` : T extends number ? number : T extends boolean ? boolean
  : T extends readonly (infer U)[] ? Json<U>[]
  : T extends object ? { [K in keyof T]: K extends "targets" ? Json<Omit<PrometheusQuery, "_implementsDataqueryVariant">>[] : Json<T[K]> } : T;
`;

async function dashboardFiles(example: string) {
  const result = await compile(`examples/${example}`);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return (result.files ?? []).filter((f) => f.path.startsWith("grafana/dashboards/") && f.path.endsWith(".json"));
}

describe("generated dashboards against the SDK's Dashboard type", () => {
  for (const example of ["ai-platform", "minimal"]) {
    it(`${example}: every dashboard compiles as a Dashboard`, async () => {
      const files = await dashboardFiles(example);
      expect(files.length).toBeGreaterThan(0);
      const sources = files.map((file, i) => {
        const name = path.join(dir, `${example}-${i}.ts`);
        fs.writeFileSync(name, `${PRELUDE}export const dashboard: Json<Dashboard> = ${file.content.trimEnd()};\n`);
        return { name, path: file.path };
      });
      const program = ts.createProgram(sources.map((s) => s.name), {
        strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [],
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => {
        const source = sources.find((s) => s.name === d.file?.fileName);
        return `${source?.path ?? d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n").slice(0, 400)}`;
      });
      expect(problems).toEqual([]);
    }, 60_000);
  }

  it("catches a key the schema does not have, and a query field of the wrong type", () => {
    const name = path.join(dir, "drift.ts");
    fs.writeFileSync(name, `${PRELUDE}export const dashboard: Json<Dashboard> = { title: "x", schemaVersion: 42, panelz: [] };
export const query: Json<Dashboard> = { title: "y", panels: [{ type: "timeseries", targets: [{ refId: "A", expr: 1 }] }] };\n`);
    const program = ts.createProgram([name], { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(messages.join("\n")).toMatch(/panelz/);
    expect(messages.join("\n")).toMatch(/'number' is not assignable to type 'string'/);
  });
});
