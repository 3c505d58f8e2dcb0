// Load-time diagnostics: MON001 (bundle error), MON002 (definition code threw), MON003 (no usable config).

import { describe, expect, it } from "vitest";
import { compile } from "../../src/pipeline.js";
import { baseProject, compileFiles, lineOf, positionOf, withCode, writeProject } from "../helpers.js";

const CONFIG = "moncc.config.ts";

describe("MON001 bundle error", () => {
  it("reports a TypeScript syntax error at its line and column", async () => {
    const source = `import { project } from "moncc";\n\nconst limit = ;\n\nexport default project({} as any);\n`;
    const result = await compileFiles({ [CONFIG]: source });
    const found = withCode(result, "MON001");
    expect(found).toHaveLength(1);
    expect(found[0].span).toEqual({ file: CONFIG, ...positionOf(source, "= ;", 2) });
    expect(result.model).toBeUndefined();
  });

  it("reports an import of a file that does not exist, at the import", async () => {
    // The import must be used: esbuild drops unused TypeScript imports without resolving them.
    const source = baseProject({ head: `import { thresholds } from "./thresholds";\nconst memoryLimit = thresholds.memory;` });
    const result = await compileFiles({ [CONFIG]: source });
    const found = withCode(result, "MON001");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, `from "./thresholds"`)]);
    expect(found[0].message).toContain("./thresholds");
  });

  it("reports a syntax error in an imported file with that file's path", async () => {
    const lib = `export const window = "5m";\nexport const broken = {\n  a: 1\n  b: 2,\n};\n`;
    const result = await compileFiles({
      [CONFIG]: baseProject({ head: `import { window } from "./lib/shared";\nconst ratesOver = window;` }),
      "lib/shared.ts": lib,
    });
    const found = withCode(result, "MON001");
    expect(found).toHaveLength(1);
    expect(found[0].span?.file).toBe("lib/shared.ts");
    expect(found[0].span?.line).toBe(lineOf(lib, "  b: 2,"));
  });

  it("accepts definitions split over several files", async () => {
    const result = await compileFiles({
      [CONFIG]: baseProject({
        head: `import { window } from "./lib/shared";`,
        alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, window),
      P2: "> 1%",
      summary: "API errors",
    }),`,
      }),
      "lib/shared.ts": `export const window = "10m";\n`,
    });
    expect(withCode(result, "MON001")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.services[0].alerts[0].query.expr).toContain("[10m]");
  });
});

describe("MON002 definition code threw", () => {
  it("points at the throwing line of the config", async () => {
    const source = baseProject({
      head: `function budget(): number {
  throw new Error("no budget configured");
}
const errorBudget = budget();`,
    });
    const result = await compileFiles({ [CONFIG]: source });
    const found = withCode(result, "MON002");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "throw new Error")]);
    expect(found[0].span?.file).toBe(CONFIG);
    expect(found[0].message).toBe("definition code threw Error: no budget configured");
  });

  it("points into the imported file that threw", async () => {
    const lib = `export function lookup(name: string): string {\n  const known: Record<string, string> = { api: "5m" };\n  if (!(name in known)) throw new RangeError(\`unknown service \${name}\`);\n  return known[name];\n}\n`;
    const result = await compileFiles({
      [CONFIG]: baseProject({ head: `import { lookup } from "./lib/lookup";\nconst window = lookup("billing");` }),
      "lib/lookup.ts": lib,
    });
    const found = withCode(result, "MON002");
    expect(found).toHaveLength(1);
    expect(found[0].span?.file).toBe("lib/lookup.ts");
    expect(found[0].span?.line).toBe(lineOf(lib, "throw new RangeError"));
    expect(found[0].message).toBe("definition code threw RangeError: unknown service billing");
  });

  it("points at the user's call when the DSL rejects a value", async () => {
    const source = baseProject({
      alerts: `alert.threshold("ApiErrors", {
      query: errorRatio(requests.where({ code: 500 as any }), requests, "5m"),
      P2: "> 1%",
      summary: "API errors",
    }),`,
    });
    const result = await compileFiles({ [CONFIG]: source });
    const found = withCode(result, "MON002");
    expect(found.map((d) => d.span?.line)).toEqual([lineOf(source, "requests.where({ code: 500 as any })")]);
    expect(found[0].message).toContain('label "code": unsupported matcher value');
  });

  it("is absent when the definitions run", async () => {
    const result = await compileFiles({ [CONFIG]: baseProject() });
    expect(withCode(result, "MON002")).toEqual([]);
    expect(result.model?.services.map((s) => s.name)).toEqual(["api"]);
  });
});

describe("MON003 missing or unusable config", () => {
  it("reports a folder without moncc.config.ts, with no position", async () => {
    const dir = writeProject({ "definitions.ts": baseProject() });
    const result = await compile(dir);
    const found = withCode(result, "MON003");
    expect(found).toHaveLength(1);
    expect(found[0].span).toBeUndefined();
    expect(found[0].message).toContain("no moncc.config.ts found");
  });

  it("reports a config without a default export, at its first line", async () => {
    const source = `import { project } from "moncc";\n\nexport const config = project({} as any);\n`;
    const result = await compileFiles({ [CONFIG]: source });
    const found = withCode(result, "MON003");
    expect(found).toHaveLength(1);
    expect(found[0].span).toEqual({ file: CONFIG, line: 1, column: 1 });
    expect(found[0].message).toBe("moncc.config.ts must default-export project({...})");
  });

  it("reports a default export that is not project({...})", async () => {
    const source = `export default { name: "fixture", teams: [], services: [] };\n`;
    const result = await compileFiles({ [CONFIG]: source });
    expect(withCode(result, "MON003").map((d) => d.span?.line)).toEqual([1]);
  });

  it("accepts a config file path as well as its folder", async () => {
    const dir = writeProject({ [CONFIG]: baseProject() });
    const result = await compile(`${dir}/${CONFIG}`);
    expect(withCode(result, "MON003")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});
