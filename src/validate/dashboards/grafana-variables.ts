// Grafana variables in PromQL: replaced by stand-ins of the same length so the text parses and every
// offset stays the one the user wrote; and the variable queries of Grafana's Prometheus datasource
// (label_values, label_names, metrics, query_result) taken apart to reach the PromQL inside them.

/** Where a Grafana variable was written, and what it stands for in the PromQL. */
export interface VariableUse {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly as: "duration" | "number" | "name";
}

export interface SubstitutedText {
  /** The PromQL with each variable replaced by a duration or number of the same length. */
  readonly text: string;
  readonly uses: readonly VariableUse[];
}

/** `$name`, `${name}`, `${name:format}`, `[[name]]`, `[[name:format]]`. */
const VARIABLE = /\$(\w+)|\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]/y;

/**
 * Inside `[ ]` (range, subquery step) and after `offset` a variable is a duration; in a label list
 * (`by ($group)`) or as (part of) a metric name (`${metric}[5m]`, `${prefix}_total`) a name;
 * elsewhere (`topk($n, …)`, `/ $__range_s`, `@ ${__to:date:seconds}`) a number. Inside string
 * literals Grafana's text stays as it is, which PromQL reads as a plain string.
 */
export function substituteVariables(expr: string): SubstitutedText {
  let text = "";
  const uses: VariableUse[] = [];
  let quote: string | undefined;
  let brackets = 0;
  // Depths of the open parentheses that hold label names: by (…), on (…), group_left (…).
  const labelLists: number[] = [];
  let parens = 0;
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    if (quote !== undefined) {
      // Backticks have no escapes in PromQL; double and single quotes do.
      const step = ch === "\\" && quote !== "`" ? 2 : 1;
      if (ch === quote) quote = undefined;
      text += expr.slice(i, i + step);
      i += step;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") {
      quote = ch;
      text += ch;
      i++;
      continue;
    }
    if (ch === "#") {
      const end = expr.indexOf("\n", i);
      const stop = end < 0 ? expr.length : end;
      text += expr.slice(i, stop);
      i = stop;
      continue;
    }
    VARIABLE.lastIndex = i;
    const match = VARIABLE.exec(expr);
    if (match) {
      const length = match[0].length;
      const as = variableRole(text, expr.slice(i + length), brackets > 0, labelLists.at(-1) === parens);
      uses.push({ from: i, to: i + length, name: match[1] ?? match[2] ?? match[3], as });
      text += PLACEHOLDER[as](length);
      i += length;
      continue;
    }
    if (ch === "[") brackets++;
    else if (ch === "]") brackets = Math.max(0, brackets - 1);
    else if (ch === "(") {
      parens++;
      if (LABEL_LIST.test(text)) labelLists.push(parens);
    } else if (ch === ")") {
      if (labelLists.at(-1) === parens) labelLists.pop();
      parens--;
    }
    text += ch;
    i++;
  }
  return { text, uses };
}

/** A keyword whose parenthesis lists label names. */
const LABEL_LIST = /\b(by|without|on|ignoring|group_left|group_right)\s*$/;

/** Stand-ins of a given length that parse as what the variable stands for. */
const PLACEHOLDER: Readonly<Record<VariableUse["as"], (length: number) => string>> = {
  duration: (length) => `${"0".repeat(length - 2)}1m`,
  number: (length) => `${"0".repeat(length - 1)}1`,
  name: (length) => `v${"_".repeat(length - 1)}`,
};

function variableRole(before: string, after: string, inBrackets: boolean, inLabelList: boolean): VariableUse["as"] {
  if (inBrackets || /\boffset\s*-?\s*$/.test(before)) return "duration";
  // Glued to a name's characters, or followed by a selector's braces or range: part of a metric name.
  if (inLabelList || /[\w:]$/.test(before) || /^([\w:]|\s*[{[])/.test(after)) return "name";
  return "number";
}

/** The PromQL inside a variable query, none (label_values(label), metrics(regex)), or why it is malformed. */
export type VariableQuery =
  | { readonly kind: "promql"; readonly expr: string }
  | { readonly kind: "none" }
  | { readonly kind: "malformed"; readonly message: string };

const CALL = /^\s*(\w+)\s*\(([\s\S]*)\)\s*$/;
const LABEL_NAME = /^\s*(\w+|\$\w+|\$\{\w+\})\s*$/;
const FUNCTIONS = "label_values(metric, label), label_values(label), label_names(), metrics(regex) or query_result(query)";

/** A query variable's query as Grafana's Prometheus datasource reads it. */
export function variableQuery(query: string): VariableQuery {
  const call = CALL.exec(query);
  if (!call) return { kind: "malformed", message: `"${query}" is not a variable query Grafana's Prometheus datasource understands; write ${FUNCTIONS}` };
  const [, fn, body] = call;
  const inner = (text: string): VariableQuery =>
    text.trim() === "" ? { kind: "malformed", message: `${fn}() needs a query` } : { kind: "promql", expr: text };
  switch (fn) {
    case "label_values": {
      const comma = lastTopLevelComma(body);
      const label = comma < 0 ? body : body.slice(comma + 1);
      if (!LABEL_NAME.test(label)) return { kind: "malformed", message: `label_values(): "${label.trim()}" is not a label name` };
      return comma < 0 ? { kind: "none" } : inner(body.slice(0, comma));
    }
    case "label_names":
      return body.trim() === "" ? { kind: "none" } : inner(body);
    case "metrics":
      return body.trim() === "" ? { kind: "malformed", message: "metrics() needs a regex of metric names" } : { kind: "none" };
    case "query_result":
      return inner(body);
    default:
      return { kind: "malformed", message: `${fn}() is not a variable query function; write ${FUNCTIONS}` };
  }
}

/** The last comma outside quotes, braces and parentheses; -1 when there is none. */
function lastTopLevelComma(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === "\\" && quote !== "`") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "(" || ch === "{" || ch === "[") depth++;
    else if (ch === ")" || ch === "}" || ch === "]") depth--;
    else if (ch === "," && depth === 0) last = i;
  }
  return last;
}
