// Corruptions of a valid moncc.config.ts: text edits (tokens, lines, characters) and replacements of
// one literal or key by a wrong type, a bad duration or objective, a bad label name, an unknown key,
// a huge number, a very long string or deep nesting, and edits inside promql`` templates. A
// corruption is plain data, applied by index modulo what the source has, so fast-check can print
// and shrink it.

import fc from "fast-check";

export type Corruption =
  | { readonly kind: "delete-line" | "duplicate-line"; readonly at: number }
  | { readonly kind: "swap-lines" | "swap-tokens"; readonly at: number; readonly other: number }
  | { readonly kind: "delete-token" | "duplicate-token"; readonly at: number }
  | { readonly kind: "insert-char"; readonly at: number; readonly char: string }
  | { readonly kind: "replace-string" | "replace-number"; readonly at: number; readonly with: string }
  | { readonly kind: "bad-duration"; readonly at: number; readonly with: string }
  | { readonly kind: "bad-objective"; readonly at: number; readonly with: string }
  | { readonly kind: "bad-label-name"; readonly at: number; readonly with: string }
  | { readonly kind: "rename-key"; readonly at: number; readonly with: string }
  | { readonly kind: "promql-edit"; readonly at: number; readonly insert: string };

/** Literals of the wrong type, or of the right type with a wrong value. */
const WRONG_VALUES = [
  "42", "-1", "0", "null", "undefined", "true", "{}", "[]", '{ "a": 1 }', '[1, "two", null]', '""', '" "', '"\\u0000"',
  "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "5e-324", "9007199254740993", "Number.MAX_VALUE",
  '"x".repeat(10000)', '"{{ ".repeat(5000)', '"\\n".repeat(10000)', "Array(10000).fill(\"a\")",
  "JSON.parse('['.repeat(2000) + ']'.repeat(2000))", "JSON.parse('{\"a\":'.repeat(2000) + '1' + '}'.repeat(2000))",
  "Symbol(\"s\")", "10n", "Object.create(null)", "new Date(0)", "/re/", "(() => 1)", "new Map()",
  "{ toString() { throw new Error(\"boom\") } }", "new Proxy({}, { get() { throw new Error(\"trap\") } })",
  '"-5m"', '"0s"', '"5x"', '"abc"', '"150%"', '"-1%"', '"NaN%"', '"__name__"', '"bad label"', '"../../etc/passwd"', '"/abs"',
];

const BAD_DURATIONS = ['"-5m"', '"0s"', '"0m"', '"5x"', '""', '"5"', '"m5"', '"1.5h"', '"5 m"', '"999999999999y"', '"1h-30m"', "300", "null", "undefined", '"Infinity"'];
const BAD_OBJECTIVES = ['"150%"', '"-1%"', '"100%"', '"0%"', '"abc"', '"99.9"', '"99.9 %"', "99.9", "0.999", "NaN", "Infinity", "-1", "null", '""', '"1e2%"', '"%"'];
const BAD_LABEL_NAMES = ['"__name__"', '"__x"', '"bad label"', '"1abc"', '""', '"a-b"', '"ünï"', '"le"', '"severity"', '"a.b"', '"x".repeat(10000)', '"{{x}}"'];
const UNKNOWN_KEYS = ["chanel", "extra", "__proto__", "constructor", "toString", "severity", "P4", "p1", "labels2", "", "0", '"a b"'];
const PROMQL_INSERTS = ["(", ")", "[", "]", "{", "}", '"', "'", "`", ",", "=", "~", "!", "by", "without", "on", "5m", "[5m]", "offset", "@", "\\", "#", "\n", "sum(", "rate(", ">", "and", "1e", ""];

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete-line" as const, "duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom("swap-lines" as const, "swap-tokens" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constantFrom("delete-token" as const, "duplicate-token" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert-char" as const), at: fc.nat(), char: fc.constantFrom("{", "}", "(", ")", "[", "]", '"', "'", "`", ",", ";", ":", ".", "$", "\\", "/", "*", "x", "0", " ") }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom("replace-string" as const, "replace-number" as const), at: fc.nat(), with: fc.constantFrom(...WRONG_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("bad-duration" as const), at: fc.nat(), with: fc.constantFrom(...BAD_DURATIONS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("bad-objective" as const), at: fc.nat(), with: fc.constantFrom(...BAD_OBJECTIVES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("bad-label-name" as const), at: fc.nat(), with: fc.constantFrom(...BAD_LABEL_NAMES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("rename-key" as const), at: fc.nat(), with: fc.constantFrom(...UNKNOWN_KEYS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("promql-edit" as const), at: fc.nat(), insert: fc.constantFrom(...PROMQL_INSERTS) }) },
);

interface Found {
  readonly start: number;
  readonly end: number;
}

/** Every match of `pattern` (global) in `text`, optionally only those whose first group passes `keep`. */
function find(text: string, pattern: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true, group = 0): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(pattern)) {
    if (!keep(m)) continue;
    const offset = m.index! + (group === 0 ? 0 : m[0].indexOf(m[group]));
    out.push({ start: offset, end: offset + m[group].length });
  }
  return out;
}

const splice = (text: string, at: Found, replacement: string) => text.slice(0, at.start) + replacement + text.slice(at.end);

/** The definitions, after the import line: corrupting the import only ever gives MON001. */
function bodyStart(source: string): number {
  return source.indexOf("\n") + 1;
}

const STRING = /"(?:[^"\\\n]|\\.)*"/g;
const NUMBER = /(?<![\w.$])-?\d+(?:\.\d+)?(?:e-?\d+)?(?![\w.])/g;
const TOKEN = /"(?:[^"\\\n]|\\.)*"|`[^`]*`|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|[^\s\w]/g;
const DURATION = /"(?:\d+(?:ms|s|m|h|d|w|y))+"/g;
const OBJECTIVE = /"\d+(?:\.\d+)?%"/g;
/** Keys of label records and entries of metric label lists. */
const LABEL_KEY = /(?:labels: \{ |, )("[a-zA-Z_][a-zA-Z0-9_]*")(?=: )|labels: \[("[^"]+")/g;
const OBJECT_KEY = /(?<=[{,]\s*)([A-Za-z_$][\w$]*|"[^"\n]*")(?=: )/g;
const PROMQL_TEXT = /promql`([^`]*)`/g;

/** Applies `c` to `source`; a corruption with nothing to act on leaves the source unchanged. */
export function applyCorruption(source: string, c: Corruption): string {
  const start = bodyStart(source);
  const head = source.slice(0, start);
  const body = source.slice(start);
  const at = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);
  const lines = body.split("\n");
  switch (c.kind) {
    case "delete-line":
    case "duplicate-line": {
      const i = c.at % lines.length;
      const copy = [...lines];
      if (c.kind === "delete-line") copy.splice(i, 1);
      else copy.splice(i, 0, lines[i]);
      return head + copy.join("\n");
    }
    case "swap-lines": {
      const i = c.at % lines.length;
      const j = c.other % lines.length;
      const copy = [...lines];
      [copy[i], copy[j]] = [copy[j], copy[i]];
      return head + copy.join("\n");
    }
    case "delete-token":
    case "duplicate-token": {
      const token = at(find(body, TOKEN), c.at);
      if (!token) return source;
      const text = body.slice(token.start, token.end);
      return head + splice(body, token, c.kind === "delete-token" ? "" : `${text} ${text}`);
    }
    case "swap-tokens": {
      const tokens = find(body, TOKEN);
      const a = at(tokens, c.at);
      const b = at(tokens, c.other);
      if (!a || !b || a.start === b.start) return source;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      return head + body.slice(0, first.start) + body.slice(second.start, second.end) + body.slice(first.end, second.start) + body.slice(first.start, first.end) + body.slice(second.end);
    }
    case "insert-char": {
      const i = c.at % (body.length + 1);
      return head + body.slice(0, i) + c.char + body.slice(i);
    }
    case "replace-string":
    case "replace-number":
    case "bad-duration":
    case "bad-objective": {
      const pattern = { "replace-string": STRING, "replace-number": NUMBER, "bad-duration": DURATION, "bad-objective": OBJECTIVE }[c.kind];
      const target = at(find(body, pattern), c.at);
      return target ? head + splice(body, target, c.with) : source;
    }
    case "bad-label-name": {
      const keys = [...find(body, LABEL_KEY, (m) => m[1] !== undefined, 1), ...find(body, LABEL_KEY, (m) => m[2] !== undefined, 2)];
      const target = at(keys.sort((x, y) => x.start - y.start), c.at);
      // A computed key, so that expressions such as "x".repeat(10000) work as keys too.
      const inKeyPosition = target !== undefined && body.slice(target.end).startsWith(":");
      return target ? head + splice(body, target, inKeyPosition ? `[${c.with}]` : c.with) : source;
    }
    case "rename-key": {
      const target = at(find(body, OBJECT_KEY), c.at);
      return target ? head + splice(body, target, /^[A-Za-z_$][\w$]*$/.test(c.with) ? c.with : JSON.stringify(c.with)) : source;
    }
    case "promql-edit": {
      const templates = find(body, PROMQL_TEXT, () => true, 1);
      const template = at(templates, c.at);
      if (!template || template.end === template.start) return source;
      // Only edit literal text, never inside a ${...} interpolation (that would be a JS change).
      const text = body.slice(template.start, template.end);
      const literal = [...text.matchAll(/(?:^|\})([^$}]*)(?=\$\{|$)/g)].flatMap((m) => {
        const from = m.index! + m[0].length - m[1].length;
        return Array.from({ length: m[1].length + 1 }, (_, k) => from + k);
      });
      const pos = at(literal, Math.floor(c.at / Math.max(1, templates.length)));
      if (pos === undefined) return source;
      const absolute = template.start + pos;
      // An empty insert deletes the next character instead.
      return c.insert === "" ? head + body.slice(0, absolute) + body.slice(absolute + 1) : head + body.slice(0, absolute) + c.insert + body.slice(absolute);
    }
  }
}
