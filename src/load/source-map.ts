// Maps positions in the definitions bundle back to the user's TypeScript files.

import { SourceMap } from "node:module";
import fs from "node:fs";
import path from "node:path";
import type { SourceTexts, Span } from "../diagnostics/diagnostic.js";
import { BUNDLE_FILENAME, type CallSite } from "../dsl/span.js";

export interface SpanResolver {
  (site: CallSite | undefined): Span | undefined;
}

export interface BundleMap {
  readonly resolve: SpanResolver;
  /** Original source text by project-relative file, for code frames, read on demand. */
  readonly sources: SourceTexts;
}

interface RawSourceMap {
  readonly sources: readonly string[];
}

/**
 * The bundle's source files, read from disk only when a diagnostic needs their text. Embedding
 * them in the source map instead costs time on every build, for text that is rarely shown.
 */
export class SourceFiles implements SourceTexts {
  private readonly known: Set<string> | undefined;
  private readonly cache = new Map<string, string | undefined>();
  /** Without `files` (a bundle that failed), any file inside the project may be read. */
  constructor(private readonly root: string, files?: readonly string[]) {
    this.known = files && new Set(files);
  }
  get(file: string): string | undefined {
    if (this.known ? !this.known.has(file) : path.isAbsolute(file) || file.split("/").includes("..")) return undefined;
    if (!this.cache.has(file)) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.join(this.root, file), "utf8");
      } catch {
        text = undefined;
      }
      this.cache.set(file, text);
    }
    return this.cache.get(file);
  }
}

/**
 * `mapText` is esbuild's external source map for a bundle whose outfile sits in `root`, so its
 * `sources` are relative to the project root already.
 */
export function createBundleMap(mapText: string, root: string): BundleMap {
  const payload = JSON.parse(mapText) as RawSourceMap;
  const map = new SourceMap(payload as never);
  const sources = new SourceFiles(root, payload.sources.map((source) => normalizeSource(source, root)));
  const resolve: SpanResolver = (site) => {
    if (!site) return undefined;
    if (site.file !== BUNDLE_FILENAME) {
      return { file: toPosix(path.relative(root, site.file)), line: site.line, column: site.column };
    }
    const entry = map.findEntry(site.line - 1, site.column - 1) as {
      originalSource?: string; originalLine?: number; originalColumn?: number;
    };
    if (entry.originalSource === undefined || entry.originalLine === undefined) return undefined;
    return { file: normalizeSource(entry.originalSource, root), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
  };
  return { resolve, sources };
}

function normalizeSource(source: string, root: string): string {
  const file = source.startsWith("file://") ? new URL(source).pathname : source;
  return toPosix(path.isAbsolute(file) ? path.relative(root, file) : file);
}

export function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
