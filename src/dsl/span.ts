// Every DSL call records where it was called from. Inside a moncc build the user's code runs as one
// esbuild bundle, so the call site is a position in that bundle; the loader maps it back to the
// user's file through the bundle's source map. Outside a build (unit tests), it is a real file.

/** A position as V8 reports it: 1-based line and column. */
export interface CallSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Name under which the loader compiles the bundle; call sites in it are user code. */
export const BUNDLE_FILENAME = "moncc:definitions.js";

const DSL_MARKER = "/src/dsl/";

/**
 * The first stack frame outside moncc's DSL, i.e. the user's call. Uses V8's structured call
 * sites rather than parsing stack text.
 */
export function captureCallSite(): CallSite | undefined {
  // The user's frame is almost always within a few frames of the DSL function; a short stack is
  // much cheaper to capture, and a deep one is taken only when the short one does not reach it.
  return callSiteWithin(6, true) ?? callSiteWithin(30, false);
}

/** `bundleOnly`: accept only a frame of the definitions bundle, not the outside-the-DSL fallback. */
function callSiteWithin(depth: number, bundleOnly: boolean): CallSite | undefined {
  const holder: { stack?: unknown } = {};
  const previousPrepare = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = depth;
  Error.prepareStackTrace = (_error, frames) => frames;
  try {
    Error.captureStackTrace(holder, callSiteWithin);
    const frames = holder.stack as NodeJS.CallSite[] | undefined;
    if (!Array.isArray(frames)) return undefined;
    let firstOutsideDsl: CallSite | undefined;
    for (const frame of frames) {
      const file = frame.getFileName();
      if (!file) continue;
      const site = { file, line: frame.getLineNumber() ?? 1, column: frame.getColumnNumber() ?? 1 };
      if (file === BUNDLE_FILENAME) return site;
      if (!firstOutsideDsl && !isDslFile(file)) firstOutsideDsl = site;
    }
    return bundleOnly ? undefined : firstOutsideDsl;
  } finally {
    Error.prepareStackTrace = previousPrepare;
    Error.stackTraceLimit = previousLimit;
  }
}

function isDslFile(file: string): boolean {
  return file.startsWith("node:") || file.replaceAll("\\", "/").includes(DSL_MARKER);
}
