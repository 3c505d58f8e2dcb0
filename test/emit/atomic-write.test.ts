import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/emit/write.js";
import { readTree, tempDir } from "../helpers.js";

const previous = [
  { path: "manifest.json", content: '{"version":1}\n' },
  { path: "prometheus/rules/api.yml", content: "groups: []\n" },
];

function existingOutput(): string {
  const out = path.join(tempDir(), "generated");
  writeOutputAtomically(out, previous);
  return out;
}

describe("atomic output", () => {
  it("replaces the whole folder, dropping files the build no longer produces", () => {
    const out = existingOutput();
    writeOutputAtomically(out, [{ path: "manifest.json", content: "{}\n" }, { path: "alertmanager/alertmanager.yml", content: "route: {}\n" }]);
    expect(readTree(out)).toEqual({ "manifest.json": "{}\n", "alertmanager/alertmanager.yml": "route: {}\n" });
  });

  it("leaves the previous output byte-identical when the build fails before the swap", () => {
    const out = existingOutput();
    const before = readTree(out);
    expect(() =>
      writeOutputAtomically(out, [{ path: "manifest.json", content: "new" }], { beforeSwap: () => { throw new Error("interrupted"); } }),
    ).toThrow("interrupted");
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["generated"]);
  });

  it.each(["../escape.yml", "/etc/passwd", "a/../../b", "nul\0byte", "back\\slash", ""])("refuses the output path %j and keeps the old output", (bad) => {
    const out = existingOutput();
    const before = readTree(out);
    expect(() => writeOutputAtomically(out, [{ path: "manifest.json", content: "x" }, { path: bad, content: "x" }])).toThrow(/inside the output folder/);
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["generated"]);
  });

  it("refuses to replace a folder moncc did not create", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "precious.txt"), "keep me");
    expect(() => writeOutputAtomically(dir, previous)).toThrow(/holds no manifest.json/);
    expect(fs.readFileSync(path.join(dir, "precious.txt"), "utf8")).toBe("keep me");
  });

  it("recovers the previous output when a build died between the two renames", () => {
    const out = existingOutput();
    const before = readTree(out);
    fs.renameSync(out, `${out}.moncc-old`);
    expect(() => writeOutputAtomically(out, [{ path: "bad/../x", content: "" }])).toThrow();
    expect(readTree(out)).toEqual(before);
    expect(fs.existsSync(`${out}.moncc-old`)).toBe(false);
  });
});

describe("a build process killed mid-write", () => {
  it("leaves the previous output intact, and the next build cleans up after it", async () => {
    const { spawnSync } = await import("node:child_process");
    const out = existingOutput();
    const before = readTree(out);
    // A real process that dies by SIGKILL after staging the new files, before the swap.
    const script = `
      import { writeOutputAtomically } from ${JSON.stringify(path.resolve("dist/index.js"))};
      writeOutputAtomically(${JSON.stringify(out)}, [{ path: "manifest.json", content: "half" }],
        { beforeSwap: () => process.kill(process.pid, "SIGKILL") });`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.signal).toBe("SIGKILL");
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out)).length).toBe(2);
    writeOutputAtomically(out, previous);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["generated"]);
  });
});
