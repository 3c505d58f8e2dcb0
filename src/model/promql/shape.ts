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
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === "#") {
      const end = expr.indexOf("\n", i);
      const stop = end < 0 ? expr.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < expr.length && expr[j] !== c && (c === "`" || expr[j] !== "\n")) j += c !== "`" && expr[j] === "\\" ? 2 : 1;
      if (j >= expr.length || expr[j] !== c) return expr; // unterminated: let the parser report it
      out += c + "x".repeat(j - i - 1) + c;
      i = j + 1;
    } else if (/[0-9.]/.test(c)) {
      // Numbers and durations (1e3, 0x1f, 5m30s) stay as written.
      let j = i + 1;
      while (j < expr.length && /[0-9a-zA-Z._]/.test(expr[j])) j++;
      out += expr.slice(i, j);
      i = j;
    } else if (/[a-zA-Z_:]/.test(c)) {
      let j = i + 1;
      while (j < expr.length && /[a-zA-Z0-9_:]/.test(expr[j])) j++;
      const word = expr.slice(i, j);
      const isCall = /^\s*\(/.test(expr.slice(j, j + 64));
      const keep = isCall || KEYWORDS.has(word.toLowerCase()) || word.startsWith("__");
      out += keep ? word : "m" + "_".repeat(word.length - 1);
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
