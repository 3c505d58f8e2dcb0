// Atomic output: everything is written into a temp folder beside the target, then swapped in with
// renames. A failed or interrupted build leaves the previous output byte-identical.

import fs from "node:fs";
import path from "node:path";
import { MANIFEST_FILE } from "../generators/manifest/manifest.js";

export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** Rejects paths that are absolute, contain "..", NUL or backslashes: output never leaves `outDir`. */
export function assertInside(relative: string): void {
  if (relative.includes("\0") || relative.includes("\\") || path.posix.isAbsolute(relative) || relative.split("/").some((p) => p === ".." || p === "" || p === ".")) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: output paths must stay inside the output folder`);
  }
}

/** A folder moncc may replace: missing, empty, or holding a moncc manifest. */
export function isReplaceable(outDir: string): boolean {
  if (!fs.existsSync(outDir)) return true;
  const entries = fs.readdirSync(outDir);
  return entries.length === 0 || entries.includes(MANIFEST_FILE);
}

export function writeOutputAtomically(outDir: string, files: readonly OutputFile[], hooks: { beforeSwap?: () => void } = {}): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  fs.mkdirSync(parent, { recursive: true });
  recoverInterruptedSwap(target);
  if (!isReplaceable(target)) {
    throw new Error(`refusing to replace ${outDir}: it is not empty and holds no ${MANIFEST_FILE}, so moncc did not create it`);
  }
  const staging = fs.mkdtempSync(path.join(parent, `.${base}.moncc-new-`));
  try {
    for (const file of files) {
      assertInside(file.path);
      const destination = path.join(staging, file.path);
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.writeFileSync(destination, file.content);
    }
    hooks.beforeSwap?.();
    swap(target, staging);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function swap(target: string, staging: string): void {
  const previous = `${target}.moncc-old`;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(target)) fs.renameSync(target, previous);
  fs.renameSync(staging, target);
  fs.rmSync(previous, { recursive: true, force: true });
}

/**
 * A build killed between the two renames leaves `<out>.moncc-old` and no `<out>`: put it back.
 * One killed while writing leaves a staging folder: remove it.
 */
function recoverInterruptedSwap(target: string): void {
  const parent = path.dirname(target);
  const stagingPrefix = `.${path.basename(target)}.moncc-new-`;
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(stagingPrefix)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  const previous = `${target}.moncc-old`;
  if (!fs.existsSync(previous)) return;
  if (fs.existsSync(target)) fs.rmSync(previous, { recursive: true, force: true });
  else fs.renameSync(previous, target);
}
