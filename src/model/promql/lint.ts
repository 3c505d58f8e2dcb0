// Type errors from the Prometheus project's own PromQL linter (@prometheus-io/codemirror-promql):
// unknown functions, argument counts and types, operator typing, `bool` between scalars, grouping
// on set operators. It runs in plain Node on a headless editor state. It misses syntax errors at
// the end of the input, so syntax errors come from lezer (./syntax.ts) and are reported first.

import { createRequire } from "node:module";
import { shapeOf, withoutComments } from "./shape.js";

// The package's CommonJS build is the one Node can load; its parser, extension and editor state
// must come from one module graph, or the editor's language facet is not found.
const require = createRequire(import.meta.url);
const { EditorState } = require("@codemirror/state") as typeof import("@codemirror/state");
const { ensureSyntaxTree } = require("@codemirror/language") as typeof import("@codemirror/language");
const { PromQLExtension } = require("@prometheus-io/codemirror-promql") as typeof import("@prometheus-io/codemirror-promql");
const { Parser } = require("@prometheus-io/codemirror-promql/dist/cjs/parser/parser.js") as {
  Parser: new (state: unknown) => { tree: unknown; analyze(): void; getDiagnostics(): { from: number; to: number; message: string; severity: string }[] };
};

export interface LintProblem {
  readonly from: number;
  readonly to: number;
  readonly message: string;
}

const extension = new PromQLExtension().asExtension();
const lintCache = new Map<string, readonly LintProblem[]>();

export function lintExpression(expr: string): readonly LintProblem[] {
  // Clean shapes are the common case and are shared by every expression of that shape; problems
  // are looked up on the expression itself, since their messages may quote its strings. Comments
  // are blanked (the shape blanks them too): the linter checks only the tree's first node.
  if (lintText(shapeOf(expr)).length === 0) return [];
  return lintText(withoutComments(expr));
}

function lintText(expr: string): readonly LintProblem[] {
  let problems = lintCache.get(expr);
  if (problems === undefined) {
    const state = EditorState.create({ doc: expr, extensions: [extension] });
    const parser = new Parser(state);
    // A new editor state is parsed for 20 ms and 3000 characters at most; the rest of a long
    // expression (or of any, on a busy machine) would reach the linter as error nodes.
    parser.tree = ensureSyntaxTree(state, state.doc.length, 10_000) ?? parser.tree;
    parser.analyze();
    const seen = new Set<string>();
    problems = parser.getDiagnostics()
      .filter((d) => d.severity === "error")
      // Prometheus refuses a __name__ matcher only next to a name written before the braces; the
      // linter also refuses several inside them, as in {__name__=~"a_.*", __name__!="a_b"}.
      .filter((d) => !(d.message.startsWith("metric name must not be set twice") && expr.slice(d.from, d.to).startsWith("{")))
      .map((d) => ({ from: d.from, to: d.to, message: d.message }))
      .filter((p) => {
        const key = `${p.from}:${p.to}:${p.message}`;
        return !seen.has(key) && seen.add(key);
      });
    lintCache.set(expr, problems);
  }
  return problems;
}
