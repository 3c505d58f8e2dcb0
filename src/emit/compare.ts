// `build --check`: compares what the definitions produce with what is on disk, writing nothing.

import fs from "node:fs";
import path from "node:path";
import type { OutputFile } from "./write.js";

export interface StaleReport {
  readonly missing: string[];
  readonly stale: string[];
  readonly extra: string[];
}

export function compareOutput(outDir: string, files: readonly OutputFile[]): StaleReport {
  const expected = new Map(files.map((f) => [f.path, f.content]));
  const onDisk = listFiles(outDir);
  const missing: string[] = [];
  const stale: string[] = [];
  for (const [file, content] of expected) {
    if (!onDisk.has(file)) missing.push(file);
    else if (fs.readFileSync(path.join(outDir, file), "utf8") !== content) stale.push(file);
  }
  const extra = [...onDisk].filter((f) => !expected.has(f));
  return { missing: missing.sort(), stale: stale.sort(), extra: extra.sort() };
}

export function isUpToDate(report: StaleReport): boolean {
  return report.missing.length + report.stale.length + report.extra.length === 0;
}

function listFiles(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (relative: string) => {
    const absolute = path.join(dir, relative);
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.add(child);
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}
