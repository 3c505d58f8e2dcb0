// SLO reports: data (static and live), rendering. Pure; the CLI and src/report-live do the I/O.
export * from "./data.js";
export * from "./live.js";
export * from "./render.js";
export { burnDownSvg } from "./svg.js";
