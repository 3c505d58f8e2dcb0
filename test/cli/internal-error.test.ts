// A crash in a generator, through the CLI: one MON900 naming the definition at its line, exit 2,
// a stack trace only with --debug, and nothing written.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { baseProject, lineOf, tempDir, writeProject, runCli } from "../helpers.js";

// The pagerduty receiver's generator step throws; every other receiver generates as usual.
vi.mock("../../src/generators/alertmanager/receivers.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/generators/alertmanager/receivers.js")>();
  return {
    ...original,
    receiverConfig: (receiver: Parameters<typeof original.receiverConfig>[0]) => {
      if (receiver.type === "pagerduty") throw new TypeError("Cannot read properties of undefined (reading 'routingKeyFile')");
      return original.receiverConfig(receiver);
    },
  };
});

describe("an internal error while generating", () => {
  const source = baseProject();
  const line = lineOf(source, "pagerduty({");

  it("names the receiver being generated, at its line, exits 2 and writes nothing", async () => {
    const project = writeProject({ "moncc.config.ts": source });
    const out = path.join(tempDir(), "out");
    const result = await runCli(["build", project, "--out", out], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^moncc\\.config\\.ts:${line}:\\d+ error MON900 internal error while generating output for receiver web-page: Cannot read properties of undefined \\(reading 'routingKeyFile'\\)$`, "m"));
    expect(result.stderr).toContain("hint: this is a moncc bug; run with --debug and report it");
    expect(result.stderr).toContain("moncc build: failed with an internal error (a moncc bug); nothing was written");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("prints the stack trace with --debug", async () => {
    const project = writeProject({ "moncc.config.ts": source });
    const result = await runCli(["build", project, "--out", path.join(tempDir(), "out"), "--debug"], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^TypeError: Cannot read properties of undefined/m);
    expect(result.stderr).toMatch(/^\s+at .*internal-error\.test\.ts/m);
  });

  it("is data in the machine formats too, with the subject and no stack", async () => {
    const project = writeProject({ "moncc.config.ts": source });
    const result = await runCli(["build", project, "--out", path.join(tempDir(), "out"), "--format", "json"], project);
    expect(result.code).toBe(2);
    const internal = JSON.parse(result.stdout).diagnostics.filter((d: { code: string }) => d.code === "MON900");
    expect(internal).toEqual([expect.objectContaining({ file: "moncc.config.ts", line, subject: "receiver web-page" })]);
    expect(result.stdout).not.toContain("internal-error.test.ts");
  });
});
