// Library entry for programmatic use (tests, benchmarks, tooling): the pipeline and emit.
export { compile } from "./pipeline.js";
export type { CompileResult, CompileOptions, Counts, Timings } from "./pipeline.js";
export { writeOutputAtomically } from "./emit/write.js";
export { compareOutput, isUpToDate } from "./emit/compare.js";
export { main } from "./cli/main.js";
