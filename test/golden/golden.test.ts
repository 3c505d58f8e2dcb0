// golden/<example>/ holds exactly what `moncc build examples/<example> --out golden/<example>`
// writes. Regenerate with `npm run golden` and review the diff.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareOutput } from "../../src/emit/compare.js";
import { compile } from "../../src/pipeline.js";

const examples = fs.readdirSync("examples").filter((name) => fs.existsSync(path.join("examples", name, "moncc.config.ts")));

describe.each(examples)("golden/%s", (example) => {
  it("matches the build byte for byte (missing, stale and extra files all fail)", async () => {
    const result = await compile(path.join("examples", example));
    expect(result.diagnostics).toEqual([]);
    const report = compareOutput(path.join("golden", example), result.files!);
    expect(report, "run `npm run golden` and review the diff").toEqual({ missing: [], stale: [], extra: [] });
  });

  it("builds to identical bytes twice in one process", async () => {
    const first = await compile(path.join("examples", example));
    const second = await compile(path.join("examples", example));
    expect(second.files).toEqual(first.files);
  });

  it("carries no absolute paths, host names or timestamps", async () => {
    const result = await compile(path.join("examples", example));
    const text = result.files!.map((f) => f.content).join("\n");
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain(path.resolve("examples"));
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
    const { hostname } = await import("node:os");
    if (hostname().length >= 6) expect(text).not.toContain(hostname());
  });
});
