// Expressions that differ only in metric names, label names and string contents (the usual case:
// one alert shape per service) have the same syntax and type errors at the same offsets. The
// shape replaces those with filler of the same length, so it keeps offsets, keeps empty strings
// empty (the linter cares about `=""`), and keeps everything that decides types: function and
// aggregation names (an identifier before `(`), keywords, `__name__`, numbers and durations.

const KEYWORDS = new Set([
  "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless",
  "atan2", "inf", "nan", "start", "end", "anchored", "smoothed",
  // Aggregations, which may be followed by `by (...)` rather than `(`.
  "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio",
]);

export function shapeOf(expr: string): string {
  // Parsing, linting and the check of generated rules all ask for the same expressions' shapes.
  let shape = shapes.get(expr);
  if (shape === undefined) {
    shape = computeShape(expr);
    shapes.set(expr, shape);
  }
  return shape;
}

const shapes = new Map<string, string>();

/** `expr` with only its `# comments` blanked (offsets kept). */
export function withoutComments(expr: string): string {
  return computeShape(expr, { commentsOnly: true });
}

function computeShape(expr: string, { commentsOnly = false } = {}): string {
  const parts: string[] = [];
  let copied = 0; // expr[copied..i) is copied unchanged when the next replacement is made
  const replace = (from: number, to: number, text: string) => {
    parts.push(expr.slice(copied, from), text);
    copied = to;
  };
  let i = 0;
  while (i < expr.length) {
    const c = expr.charCodeAt(i);
    if (c === HASH) {
      const end = expr.indexOf("\n", i);
      const stop = end < 0 ? expr.length : end;
      replace(i, stop, " ".repeat(stop - i));
      i = stop;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === BACKTICK) {
      let j = i + 1;
      while (j < expr.length && expr.charCodeAt(j) !== c && (c === BACKTICK || expr.charCodeAt(j) !== NEWLINE)) {
        j += c !== BACKTICK && expr.charCodeAt(j) === BACKSLASH ? 2 : 1;
      }
      if (j >= expr.length || expr.charCodeAt(j) !== c) return expr; // unterminated: let the parser report it
      if (!commentsOnly) replace(i + 1, j, "x".repeat(j - i - 1));
      i = j + 1;
    } else if (isDigit(c) || c === DOT) {
      // Numbers and durations (1e3, 0x1f, 5m30s) stay as written.
      i += 1;
      while (i < expr.length && (isWordChar(expr.charCodeAt(i)) || expr.charCodeAt(i) === DOT)) i++;
    } else if (isWordStart(c)) {
      // Names may contain colons but are not taken to start with one: `[10m:1m]` is a subquery step.
      let j = i + 1;
      while (j < expr.length && (isWordChar(expr.charCodeAt(j)) || expr.charCodeAt(j) === COLON)) j++;
      const word = expr.slice(i, j);
      const keep = isCall(expr, j) || KEYWORDS.has(word.toLowerCase()) || word.startsWith("__");
      // Colons stay where they are: a colon in a label name is a syntax error the shape must keep.
      if (!keep && !commentsOnly) replace(i, j, "m" + word.slice(1).replace(/[^:]/g, "_"));
      i = j;
    } else {
      i += 1;
    }
  }
  if (copied === 0) return expr;
  parts.push(expr.slice(copied));
  return parts.join("");
}

const HASH = 35, DOUBLE_QUOTE = 34, SINGLE_QUOTE = 39, BACKTICK = 96, NEWLINE = 10, BACKSLASH = 92, DOT = 46, COLON = 58;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}

/** An identifier followed by `(` (after spaces) names a function or aggregation. */
function isCall(expr: string, from: number): boolean {
  let i = from;
  while (i < expr.length && (expr[i] === " " || expr[i] === "\t" || expr[i] === "\n" || expr[i] === "\r")) i++;
  return expr[i] === "(";
}
