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
  const holder: { stack?: unknown } = {};
  const previousPrepare = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 12;
  Error.prepareStackTrace = (_error, frames) => frames;
  try {
    Error.captureStackTrace(holder, captureCallSite);
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
    return firstOutsideDsl;
  } finally {
    Error.prepareStackTrace = previousPrepare;
    Error.stackTraceLimit = previousLimit;
  }
}

function isDslFile(file: string): boolean {
  return file.startsWith("node:") || file.replaceAll("\\", "/").includes(DSL_MARKER);
}
