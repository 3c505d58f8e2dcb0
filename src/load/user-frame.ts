// The innermost stack frame of an exception that lies in the user's bundled definitions.

import { BUNDLE_FILENAME, type CallSite } from "../dsl/span.js";

export function userFrame(error: unknown): CallSite | undefined {
  const stack = error instanceof Error ? error.stack ?? "" : "";
  for (const line of stack.split("\n")) {
    const at = line.lastIndexOf(`${BUNDLE_FILENAME}:`);
    if (at < 0) continue;
    const match = /^(\d+):(\d+)/.exec(line.slice(at + BUNDLE_FILENAME.length + 1));
    if (match) return { file: BUNDLE_FILENAME, line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}
