// moncc check --typecheck: TypeScript's errors in the user's definitions as MON005.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseProject, positionOf, writeProject, runCli } from "../helpers.js";

const json = (stdout: string) => JSON.parse(stdout).diagnostics as { code: string; file: string; line: number; column: number; message: string; hint: string }[];

const EXAMPLES = path.resolve(__dirname, "../../examples");

describe("moncc check --typecheck", () => {
  // esbuild strips types without checking them, so this label name only fails the type check.
  const source = baseProject({
    alerts: `alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ nope: "5xx" }), requests, "5m"),
      P1: "> 5% for 5m",
      summary: "API error rate is high",
      runbook: "https://runbooks.example.com/api",
    }),`,
  });

  it("reports a type error as MON005 at the user's line and column, with TS's message and code", async () => {
    const project = writeProject({ "moncc.config.ts": source });
    const result = await runCli(["check", project, "--typecheck", "--format", "json"], project);
    expect(result.code).toBe(1);
    const typeErrors = json(result.stdout).filter((d) => d.code === "MON005");
    expect(typeErrors).toEqual([expect.objectContaining({
      file: "moncc.config.ts",
      ...positionOf(source, "nope:"),
      message: expect.stringMatching(/^Object literal may only specify known properties, and 'nope' does not exist in type 'Matchers<"code" \| "route">'\. \(TS2353\)$/),
      hint: expect.any(String),
    })]);
  }, 60_000);

  it("is off by default", async () => {
    const project = writeProject({ "moncc.config.ts": source });
    const result = await runCli(["check", project, "--format", "json"], project);
    expect(json(result.stdout).filter((d) => d.code === "MON005")).toEqual([]);
  });

  it("follows imports and uses the project's own tsconfig.json when it has one", async () => {
    const files = {
      "moncc.config.ts": baseProject({ head: 'import { threshold } from "./lib/limits";' }).replace('P2: "> 1% for 10m"', "P2: threshold"),
      "lib/limits.ts": 'const unused = 1;\nexport const threshold = "> 1% for 10m";\nexport const count: number = "3";\n',
    };
    const plain = await runCli(["check", writeProject(files), "--typecheck", "--format", "json"], "/");
    expect(json(plain.stdout).filter((d) => d.code === "MON005").map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(/lib\/limits\.ts:3:14 Type 'string' is not assignable to type 'number'\. \(TS2322\)$/),
    ]);
    const strict = writeProject({ ...files, "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noUnusedLocals: true, module: "esnext", moduleResolution: "bundler" } }) });
    const withConfig = await runCli(["check", strict, "--typecheck", "--format", "json"], strict);
    expect(json(withConfig.stdout).filter((d) => d.code === "MON005" && d.file === "lib/limits.ts").map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "lib/limits.ts:1:7 'unused' is declared but its value is never read. (TS6133)",
      "lib/limits.ts:3:14 Type 'string' is not assignable to type 'number'. (TS2322)",
    ]);
  }, 60_000);

  it.each(["minimal", "ai-platform"])("finds no type errors in examples/%s", async (example) => {
    const result = await runCli(["check", path.join(EXAMPLES, example), "--typecheck"], EXAMPLES);
    expect(result.stderr).not.toContain("MON005");
    expect(result.code).toBe(0);
  }, 60_000);
});
