// `moncc preview` on examples/ai-platform with the real pipeline: a page for every dashboard the build
// generates, all linked from the index, and the same bytes from two runs.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/pipeline.js";
import { readTree, runCli, tempDir } from "../helpers.js";

const EXAMPLE = path.resolve("examples/ai-platform");
const build = await compile(EXAMPLE);
const dashboards = (build.files ?? []).filter((f) => /^grafana\/dashboards\/.+\.json$/.test(f.path)).map((f) => f.path);

describe("moncc preview examples/ai-platform", () => {
  it("writes and links a page per generated dashboard, the same bytes every run", async () => {
    expect(dashboards.length).toBeGreaterThan(0);
    const [a, b] = [path.join(tempDir(), "a"), path.join(tempDir(), "b")];
    const first = await runCli(["preview", EXAMPLE, "--out", a]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`^moncc preview: ${dashboards.length} dashboard pages and index\\.html → `));
    expect((await runCli(["preview", EXAMPLE, "--out", b])).code).toBe(0);
    const tree = readTree(a);
    expect(readTree(b)).toEqual(tree);
    const pages = dashboards.map((d) => d.slice("grafana/dashboards/".length).replace(/\.json$/, ".html")).sort();
    expect(Object.keys(tree).sort()).toEqual([...pages, "index.html", "manifest.json"].sort());
    const linked = [...tree["index.html"].matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]).sort();
    expect(linked).toEqual(pages);
    expect(JSON.stringify(tree)).not.toContain(EXAMPLE);
  });
});
