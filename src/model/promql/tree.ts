// A small typed PromQL syntax tree built from the official lezer grammar, so checks can ask
// "which function, which labels, which range" without walking lezer cursors themselves.
// Offsets are into the expression text, for mapping findings back to the TS source.

import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { durationSeconds } from "../../dsl/promql.js";
import { shapeOf } from "./shape.js";
import { syntaxErrorsOf } from "./syntax.js";
import { unquote } from "./strings.js";

export interface Position {
  readonly from: number;
  readonly to: number;
}

export interface LabelMatcher extends Position {
  readonly label: string;
  readonly op: "=" | "!=" | "=~" | "!~";
  readonly value: string;
  /** Written as a quoted (UTF-8) label name. */
  readonly quotedLabel: boolean;
  /** Where the value's string literal is, for pointing at a bad regex. */
  readonly valueAt: Position;
}

export interface Duration extends Position {
  /** Seconds; undefined when the duration is an arithmetic expression. */
  readonly seconds: number | undefined;
  readonly arithmetic: boolean;
  /** Written as a plain number of seconds, e.g. `[300]` (Prometheus 3). */
  readonly unitless: boolean;
}

export interface Grouping extends Position {
  readonly mode: "by" | "without";
  readonly labels: readonly string[];
}

export interface VectorMatching extends Position {
  readonly mode: "on" | "ignoring";
  readonly labels: readonly string[];
  readonly group?: { readonly side: "left" | "right"; readonly labels: readonly string[] };
}

export type PromqlNode =
  | (Position & { readonly kind: "selector"; readonly name: string | undefined; readonly quotedName: boolean; readonly matchers: readonly LabelMatcher[] })
  | (Position & { readonly kind: "matrix"; readonly selector: PromqlNode; readonly range: Duration })
  | (Position & { readonly kind: "subquery"; readonly expr: PromqlNode; readonly range: Duration; readonly step: Duration | undefined })
  | (Position & { readonly kind: "call"; readonly fn: string; readonly args: readonly PromqlNode[] })
  | (Position & { readonly kind: "aggregate"; readonly op: string; readonly grouping: Grouping | undefined; readonly param: PromqlNode | undefined; readonly expr: PromqlNode })
  | (Position & { readonly kind: "binary"; readonly op: string; readonly bool: boolean; readonly matching: VectorMatching | undefined; readonly lhs: PromqlNode; readonly rhs: PromqlNode })
  | (Position & { readonly kind: "unary"; readonly op: string; readonly expr: PromqlNode })
  | (Position & { readonly kind: "paren"; readonly expr: PromqlNode })
  | (Position & { readonly kind: "offset"; readonly expr: PromqlNode; readonly offset: Duration; readonly negative: boolean })
  | (Position & { readonly kind: "at"; readonly expr: PromqlNode })
  | (Position & { readonly kind: "number"; readonly value: number; /** Written as a duration, e.g. `5m` (Prometheus 3). */ readonly duration: boolean })
  | (Position & { readonly kind: "string"; readonly value: string });

export type NodeOf<K extends PromqlNode["kind"]> = Extract<PromqlNode, { kind: K }>;

/** The tree of a syntactically valid expression; undefined when it has syntax errors. */
export function syntaxTree(expr: string): PromqlNode | undefined {
  let entry = treeCache.get(expr);
  if (entry === undefined) {
    entry = { tree: buildTree(expr) };
    treeCache.set(expr, entry);
  }
  return entry.tree;
}

const treeCache = new Map<string, { tree: PromqlNode | undefined }>();

function buildTree(expr: string): PromqlNode | undefined {
  // Parse the expression's shape (./shape.ts): same structure and offsets, shared by every
  // expression that differs only in names and strings. Names and values are read from `expr`.
  const top = shapeTop(shapeOf(expr));
  return top ? convert(top, expr) : undefined;
}

/** The first expression node of a shape's lezer tree; null when the shape has syntax errors. */
function shapeTop(shape: string): SyntaxNode | null {
  let top = shapeCache.get(shape);
  if (top === undefined) {
    const tree = parser.parse(shape);
    top = syntaxErrorsOf(tree, shape).length > 0 ? null : children(tree.topNode)[0] ?? null;
    shapeCache.set(shape, top);
  }
  return top;
}

const shapeCache = new Map<string, SyntaxNode | null>();

/** Direct children of a lezer node, without `# comments` (skipped tokens that still get a node). */
function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== "LineComment") out.push(child);
  return out;
}

function convert(node: SyntaxNode, expr: string): PromqlNode {
  const text = (n: SyntaxNode) => expr.slice(n.from, n.to);
  const at = { from: node.from, to: node.to };
  const kids = children(node);
  const child = (name: string) => kids.find((k) => k.name === name);
  switch (node.name) {
    case "ParenExpr":
      return { kind: "paren", ...at, expr: convert(kids[0], expr) };
    case "NumberDurationLiteral":
      return { kind: "number", ...at, value: numberValue(text(node)), duration: isDurationText(text(node)) };
    case "StringLiteral":
      return { kind: "string", ...at, value: unquote(text(node)) };
    case "VectorSelector":
      return selector(node, expr);
    case "MatrixSelector":
      return { kind: "matrix", ...at, selector: convert(kids[0], expr), range: duration(child("DurationExpr")!, expr) };
    case "SubqueryExpr": {
      const durations = kids.filter((k) => k.name === "DurationExpr");
      return {
        kind: "subquery", ...at, expr: convert(kids[0], expr),
        range: duration(durations[0], expr), step: durations[1] ? duration(durations[1], expr) : undefined,
      };
    }
    case "OffsetExpr": {
      const offset = child("OffsetDurationExpr")!;
      const sign = children(offset)[0];
      const negative = sign?.name === "UnaryOp" && text(sign) === "-";
      const amount = duration(offset, expr);
      return applyModifier(convert(kids[0], expr), (operand) => ({ kind: "offset", from: operand.from, to: node.to, expr: operand, offset: amount, negative }));
    }
    case "StepInvariantExpr":
      return applyModifier(convert(kids[0], expr), (operand) => ({ kind: "at", from: operand.from, to: node.to, expr: operand }));
    case "UnaryExpr":
      return { kind: "unary", ...at, op: text(kids[0]), expr: convert(kids[1], expr) };
    case "FunctionCall": {
      const body = child("FunctionCallBody");
      return { kind: "call", ...at, fn: text(child("FunctionIdentifier")!), args: body ? children(body).map((k) => convert(k, expr)) : [] };
    }
    case "AggregateExpr": {
      const body = children(child("FunctionCallBody")!).map((k) => convert(k, expr));
      const modifier = child("AggregateModifier");
      return {
        kind: "aggregate", ...at, op: text(child("AggregateOp")!),
        grouping: modifier ? grouping(modifier, expr) : undefined,
        param: body.length > 1 ? body[0] : undefined,
        expr: body[body.length - 1],
      };
    }
    case "BinaryExpr": {
      const operands = kids.filter((k) => !OPERATOR_PARTS.has(k.name));
      const operator = kids.find((k) => !OPERATOR_PARTS.has(k.name) && k !== operands[0] && k !== operands[1]);
      const modifier = child("MatchingModifierClause");
      return {
        kind: "binary", ...at,
        op: operator ? text(operator) : text(kids[1]),
        bool: child("BoolModifier") !== undefined,
        matching: modifier ? matching(modifier, expr) : undefined,
        lhs: convert(operands[0], expr),
        rhs: convert(operands[operands.length - 1], expr),
      };
    }
    default:
      throw new Error(`unexpected PromQL node ${node.name} in ${JSON.stringify(expr)}`);
  }
}

/**
 * The grammar attaches `offset` and `@` to a whole binary or unary expression before them
 * (`a - b offset 5m` parses as `(a - b) offset 5m`), but Prometheus binds them to the operand
 * right before the modifier. Push the modifier down to that operand.
 */
function applyModifier(operand: PromqlNode, wrap: (operand: PromqlNode) => PromqlNode): PromqlNode {
  if (operand.kind === "binary") {
    const rhs = applyModifier(operand.rhs, wrap);
    return { ...operand, rhs, to: rhs.to };
  }
  if (operand.kind === "unary") {
    const inner = applyModifier(operand.expr, wrap);
    return { ...operand, expr: inner, to: inner.to };
  }
  return wrap(operand);
}

/** Children of a BinaryExpr that are not operands. The operator token is the remaining one. */
const OPERATOR_PARTS = new Set([
  "BoolModifier", "MatchingModifierClause",
  "Pow", "Mul", "Div", "Mod", "Add", "Sub", "Eql", "Gte", "Gtr", "Lte", "Lss", "Neq", "And", "Unless", "Or", "Atan2",
]);

function selector(node: SyntaxNode, expr: string): NodeOf<"selector"> {
  const kids = children(node);
  const identifier = kids.find((k) => k.name === "Identifier");
  let name = identifier ? expr.slice(identifier.from, identifier.to) : undefined;
  let quotedName = false;
  const matchers: LabelMatcher[] = [];
  const list = kids.find((k) => k.name === "LabelMatchers");
  for (const m of list ? children(list) : []) {
    if (m.name === "QuotedLabelName") {
      // {"my.metric"}: a UTF-8 metric name written as a bare quoted string.
      name = unquote(expr.slice(m.from, m.to));
      quotedName = true;
      continue;
    }
    const parts = children(m);
    const labelNode = parts[0];
    const label = labelNode.name === "QuotedLabelName" ? unquote(expr.slice(labelNode.from, labelNode.to)) : expr.slice(labelNode.from, labelNode.to);
    const value = parts[2];
    matchers.push({
      from: m.from, to: m.to, label, quotedLabel: labelNode.name === "QuotedLabelName",
      op: expr.slice(parts[1].from, parts[1].to) as LabelMatcher["op"],
      value: unquote(expr.slice(value.from, value.to)),
      valueAt: { from: value.from, to: value.to },
    });
  }
  const metricName = matchers.find((m) => m.label === "__name__" && m.op === "=");
  return { kind: "selector", from: node.from, to: node.to, name: name ?? metricName?.value, quotedName, matchers };
}

function duration(node: SyntaxNode, expr: string): Duration {
  const kids = children(node);
  // `offset -5m` is a unary minus around a literal, not arithmetic.
  const negative = kids.length === 2 && kids[0].name === "UnaryOp" && expr.slice(kids[0].from, kids[0].to) === "-";
  const inner = negative ? children(kids[1]) : kids;
  const literal = inner.length === 1 && inner[0].name.startsWith("NumberDurationLiteral");
  const seconds = literal ? literalSeconds(expr.slice(inner[0].from, inner[0].to)) : undefined;
  // Anything but `5m`-style text is a number of seconds (Prometheus 3): 300, 1.5, 5e-3, 0x10.
  const unitless = literal && !isDurationText(expr.slice(inner[0].from, inner[0].to));
  return { from: node.from, to: node.to, seconds: seconds === undefined ? undefined : negative ? -seconds : seconds, arithmetic: !literal, unitless };
}

/** A duration literal in seconds: `5m`, or (Prometheus 3) a plain number of seconds. */
function literalSeconds(text: string): number | undefined {
  if (!isDurationText(text)) return Number.isFinite(Number(text)) ? Number(text) : undefined;
  return durationSeconds(text);
}

function isDurationText(text: string): boolean {
  return /^(\d+(ms|y|w|d|h|m|s))+$/.test(text);
}

function numberValue(text: string): number {
  const lower = text.toLowerCase();
  if (lower === "inf" || lower === "+inf") return Infinity;
  if (lower === "nan") return NaN;
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text, 16);
  // Prometheus 3 reads a duration in number position as seconds.
  return /[a-z]/i.test(text) && !/e/i.test(text) ? literalSeconds(text) ?? NaN : Number(text);
}

function grouping(node: SyntaxNode, expr: string): Grouping {
  const kids = children(node);
  const labels = kids.find((k) => k.name === "GroupingLabels");
  return {
    from: node.from, to: node.to,
    mode: kids[0].name === "Without" ? "without" : "by",
    labels: labels ? labelNames(labels, expr) : [],
  };
}

function matching(node: SyntaxNode, expr: string): VectorMatching {
  const kids = children(node);
  const lists = kids.filter((k) => k.name === "GroupingLabels");
  const side = kids.find((k) => k.name === "GroupLeft" || k.name === "GroupRight");
  return {
    from: node.from, to: node.to,
    mode: kids[0].name === "Ignoring" ? "ignoring" : "on",
    labels: lists[0] ? labelNames(lists[0], expr) : [],
    group: side ? { side: side.name === "GroupLeft" ? "left" : "right", labels: lists[1] ? labelNames(lists[1], expr) : [] } : undefined,
  };
}

function labelNames(node: SyntaxNode, expr: string): string[] {
  return children(node).map((k) => (k.name === "QuotedLabelName" ? unquote(expr.slice(k.from, k.to)) : expr.slice(k.from, k.to)));
}

/** Every node of the tree, parents before children. */
export function* walk(node: PromqlNode): Generator<PromqlNode> {
  yield node;
  for (const child of childNodes(node)) yield* walk(child);
}

export function childNodes(node: PromqlNode): PromqlNode[] {
  switch (node.kind) {
    case "matrix": return [node.selector];
    case "subquery": case "paren": case "offset": case "at": case "unary": return [node.expr];
    case "call": return [...node.args];
    case "aggregate": return node.param ? [node.param, node.expr] : [node.expr];
    case "binary": return [node.lhs, node.rhs];
    default: return [];
  }
}

/** Paren, offset and @ wrappers do not change what an expression is. */
export function unwrap(node: PromqlNode): PromqlNode {
  while (node.kind === "paren" || node.kind === "offset" || node.kind === "at") node = node.expr;
  return node;
}

export type ValueType = "vector" | "matrix" | "scalar" | "string";

/** The type an expression evaluates to (the linter has checked that the parts fit together). */
export function valueType(node: PromqlNode): ValueType {
  switch (node.kind) {
    case "number": return "scalar";
    case "string": return "string";
    case "selector": case "aggregate": return "vector";
    case "matrix": case "subquery": return "matrix";
    case "paren": case "offset": case "at": case "unary": return valueType(node.expr);
    case "call": return node.fn === "scalar" || node.fn === "time" || node.fn === "pi" ? "scalar" : "vector";
    case "binary": return valueType(node.lhs) === "scalar" && valueType(node.rhs) === "scalar" ? "scalar" : "vector";
  }
}

/** The selector under a matrix, offset or @ wrapper, if `node` is one. */
export function selectorOf(node: PromqlNode): NodeOf<"selector"> | undefined {
  const inner = unwrap(node);
  if (inner.kind === "selector") return inner;
  if (inner.kind === "matrix") return selectorOf(inner.selector);
  return undefined;
}

/** Every label matcher of every selector in the tree. */
export function* matchersOf(node: PromqlNode): Generator<LabelMatcher> {
  for (const inner of walk(node)) if (inner.kind === "selector") yield* inner.matchers;
}
