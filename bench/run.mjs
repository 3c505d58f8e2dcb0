// moncc benchmark: compiles synthetic projects of N services end to end and reports per-phase
// timings and peak RSS.
//
//   npm run bench                      build dist/, then N = 100, 1000, 5000, 3 runs each
//   node bench/run.mjs 100 1000        pick the sizes (dist/ must be built: node scripts/build.mjs)
//   node bench/run.mjs --runs=1 5000   one run per size (default 3; the median of each timing is kept)
//   node bench/run.mjs --cpu-prof 5000 also write V8 CPU profiles (kept; their folder is printed)
//
// Each run of each N happens in a fresh child process, so the peak RSS is that of one compile.
// The child generates the project (not timed), then times compile() (load, model, validate,
// generate come from compile()'s own timings), emit (writeOutputAtomically into a temp folder)
// and the whole run. The table goes to stdout, the numbers to bench/results.json.

import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateProject } from "./generate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const DEFAULT_SIZES = [100, 1000, 5000];
const PHASES = ["load", "model", "validate", "generate", "emit", "total"];

if (process.argv[2] === "--child") {
  await child(Number(process.argv[3]));
} else {
  await parent(process.argv.slice(2));
}

// ---------------------------------------------------------------------------------------------
// Child: one compile of one size.

async function child(services) {
  const distEntry = path.join(repo, "dist", "index.js");
  if (!fs.existsSync(distEntry)) throw new Error("dist/index.js is missing; run `node scripts/build.mjs` (npm run bench does)");
  const { compile, writeOutputAtomically } = await import(pathToFileURL(distEntry).href);

  const srcDir = fs.mkdtempSync(path.join(os.tmpdir(), "moncc-bench-src-"));
  const outParent = fs.mkdtempSync(path.join(os.tmpdir(), "moncc-bench-out-"));
  try {
    const project = generateProject(srcDir, services);

    const start = performance.now();
    const result = await compile(srcDir);
    const compiled = performance.now();
    if (result.diagnostics.length > 0 || !result.files) {
      const shown = result.diagnostics.slice(0, 5).map((d) => `  ${d.code} ${d.message}${d.span ? ` (${d.span.file}:${d.span.line})` : ""}`);
      throw new Error(`the generated project has ${result.diagnostics.length} diagnostics:\n${shown.join("\n")}`);
    }
    writeOutputAtomically(path.join(outParent, "generated"), result.files);
    const end = performance.now();

    const { load, model, validate, generate } = result.timings;
    process.send({
      services,
      teams: project.teams,
      sourceFiles: project.sourceFiles,
      sourceBytes: project.sourceBytes,
      alerts: result.counts.alerts,
      recordingRules: result.counts.recordingRules,
      routes: result.counts.routes,
      receivers: result.counts.receivers,
      files: result.files.length,
      outputBytes: result.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0),
      ms: { load, model, validate, generate, emit: end - compiled, total: end - start },
      // maxRSS is in KiB; it is the peak of this process, which did nothing but this one run.
      maxRssKiB: process.resourceUsage().maxRSS,
      // esbuild bundles in its own (Go) service process, which maxRSS does not include.
      esbuildPeakRssKiB: childProcessesPeakRssKiB(),
    });
  } finally {
    fs.rmSync(srcDir, { recursive: true, force: true });
    fs.rmSync(outParent, { recursive: true, force: true });
  }
}

/** Peak RSS (VmHWM) of this process's live child processes, i.e. the esbuild service; Linux only. */
function childProcessesPeakRssKiB() {
  if (process.platform !== "linux") return null;
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid) continue;
      total += Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Parent: one child per run and size, then the table and results.json.

async function parent(args) {
  let runs = 3;
  let cpuProf = false;
  const sizes = [];
  for (const arg of args) {
    if (arg.startsWith("--runs=")) runs = Number(arg.slice("--runs=".length));
    else if (arg === "--cpu-prof") cpuProf = true;
    else if (/^[1-9]\d*$/.test(arg)) sizes.push(Number(arg));
    else {
      console.error(`usage: node bench/run.mjs [--runs=K] [--cpu-prof] [N ...]   (unknown argument ${JSON.stringify(arg)})`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(runs) || runs < 1) {
    console.error("--runs must be a positive integer");
    process.exit(2);
  }
  if (sizes.length === 0) sizes.push(...DEFAULT_SIZES);
  const profileDir = cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), "moncc-bench-prof-")) : undefined;

  const machine = {
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? os.cpus().length,
  };
  const load = os.loadavg()[0];
  console.log(`moncc bench: node ${machine.node}, ${machine.cpu}, ${machine.cores} cores; ${runs} run(s) per size, median reported`);
  if (load > 0.5) console.log(`note: load average is ${load.toFixed(2)}; other processes share the CPU and the timings will be noisy`);
  console.log("");

  const results = [];
  for (const services of sizes) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      try {
        samples.push(await runChild(services, profileDir));
      } catch (error) {
        console.error(error.message);
        process.exit(1);
      }
    }
    results.push(summarize(samples, runs));
    process.stdout.write(`  N=${services}: ${results.at(-1).ms.total.toFixed(0)} ms, peak RSS ${results.at(-1).peakRssMiB} MiB\n`);
  }

  console.log(`\n${table(results)}\n`);
  const file = path.join(here, "results.json");
  fs.writeFileSync(file, `${JSON.stringify({ machine, runsPerSize: runs, results }, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (profileDir) console.log(`CPU profiles in ${profileDir} (open in Chrome DevTools or speedscope)`);
}

function runChild(services, profileDir) {
  return new Promise((resolve, reject) => {
    const execArgv = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=N${services}-${process.pid}-${Date.now()}.cpuprofile`] : [];
    const proc = fork(fileURLToPath(import.meta.url), ["--child", String(services)], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let message;
    proc.on("message", (m) => (message = m));
    proc.on("error", reject);
    proc.on("exit", (code, signal) => {
      if (code === 0 && message) resolve(message);
      else reject(new Error(`benchmark child for N=${services} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** One result per size: counts from the first run, the median of each timing and of the peak RSS. */
function summarize(samples, runs) {
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const round = (value) => Math.round(value * 10) / 10;
  const first = samples[0];
  const ms = Object.fromEntries(PHASES.map((phase) => [phase, round(median(samples.map((s) => s.ms[phase])))]));
  const maxRssKiB = Math.round(median(samples.map((s) => s.maxRssKiB)));
  const esbuildPeakRssKiB = first.esbuildPeakRssKiB === null ? null : Math.round(median(samples.map((s) => s.esbuildPeakRssKiB)));
  const { ms: _ms, maxRssKiB: _rss, esbuildPeakRssKiB: _esbuildRss, ...counts } = first;
  return {
    ...counts,
    ms,
    ...(runs > 1 ? { totalMsPerRun: samples.map((s) => round(s.ms.total)), peakRssMiBPerRun: samples.map((s) => Math.round(s.maxRssKiB / 1024)) } : {}),
    maxRssKiB,
    peakRssMiB: Math.round(maxRssKiB / 1024),
    esbuildPeakRssMiB: esbuildPeakRssKiB === null ? null : Math.round(esbuildPeakRssKiB / 1024),
  };
}

function table(results) {
  const header = ["services", "alerts", "files", ...PHASES.map((p) => `${p} ms`), "peak RSS", "esbuild RSS"];
  const rows = results.map((r) => [
    String(r.services), String(r.alerts), String(r.files),
    ...PHASES.map((p) => r.ms[p].toFixed(0)),
    `${r.peakRssMiB} MiB`,
    r.esbuildPeakRssMiB === null ? "n/a" : `${r.esbuildPeakRssMiB} MiB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
