// A scanner for Go text/template actions: it finds the parse errors Go's parser reports (and so
// promtool and Alertmanager when they load a template) without executing anything. Like Go, it
// stops at the first error.

/** What a template may call and read, which differs between Prometheus and Alertmanager. */
export interface TemplateDialect {
  readonly functions: ReadonlySet<string>;
  /** Variables defined before the template runs, without the `$`. */
  readonly variables: readonly string[];
  /** `{{ else with }}` (Go 1.23 and later). */
  readonly elseWith: boolean;
}

export interface TemplateError {
  /** Index in the template text of the action (or comment) that is wrong. */
  readonly offset: number;
  readonly message: string;
}

/** text/template's predefined functions. */
const BUILTINS = ["and", "call", "html", "index", "len", "not", "or", "print", "printf", "println", "slice", "js", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"];

/** Prometheus 2.42's alert template functions, each checked against `promtool check rules`. */
const PROMETHEUS_FUNCTIONS = [
  "args", "externalURL", "first", "graphLink", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
  "humanizeTimestamp", "label", "match", "parseDuration", "pathPrefix", "query", "reReplaceAll", "safeHtml", "sortByLabel",
  "stripDomain", "stripPort", "strvalue", "tableLink", "title", "toLower", "toTime", "toUpper", "value",
];
/** Added in Prometheus 3 (promtool 2.42 rejects them). */
const PROMETHEUS_3_FUNCTIONS = ["now", "toDuration", "urlQueryEscape"];

/** Alertmanager 0.25's notification template functions. */
const ALERTMANAGER_FUNCTIONS = ["join", "match", "reReplaceAll", "safeHtml", "stringSlice", "title", "toLower", "toUpper"];

/** Alert annotations and labels: Prometheus defines $labels, $externalLabels, $externalURL and $value. */
export function prometheusDialect(prometheusVersion: string): TemplateDialect {
  const v3 = Number.parseInt(prometheusVersion, 10) >= 3;
  return {
    functions: new Set([...BUILTINS, ...PROMETHEUS_FUNCTIONS, ...(v3 ? PROMETHEUS_3_FUNCTIONS : [])]),
    variables: ["labels", "externalLabels", "externalURL", "value"],
    elseWith: v3,
  };
}

export const ALERTMANAGER_DIALECT: TemplateDialect = {
  functions: new Set([...BUILTINS, ...ALERTMANAGER_FUNCTIONS]),
  variables: [],
  elseWith: false,
};

type TokenKind = "ident" | "field" | "variable" | "literal" | "pipe" | "open" | "close" | "declare" | "assign" | "comma";
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

interface Block {
  readonly keyword: "if" | "with" | "range" | "define" | "block";
  /** Where the opening action starts, for an unclosed block. */
  readonly offset: number;
  /** Number of variables in scope before the block; restored at its end. */
  readonly scopeSize: number;
  /** Variables outside a define are invisible inside it. */
  readonly outerScope?: string[];
  /** A plain {{else}} was seen; only {{end}} may follow. */
  finalElse?: boolean;
}

const CONTROL = new Set(["if", "with", "range", "define", "block", "else", "end", "template", "break", "continue"]);
const LITERALS = new Set(["true", "false", "nil"]);

class TemplateSyntaxError extends Error {}

/** The first parse error of `text`, or undefined when Go would parse it. */
export function scanGoTemplate(text: string, dialect: TemplateDialect): TemplateError | undefined {
  let scope = ["$", ...dialect.variables.map((v) => `$${v}`)];
  const blocks: Block[] = [];
  let position = 0;
  let actionStart = 0;
  const fail = (message: string): never => {
    throw new TemplateSyntaxError(message);
  };

  const checkPipeline = (tokens: readonly Token[], context: string) => {
    let rest = tokens;
    const declared = declarations(rest);
    if (declared && declared.length > 1 && context !== "range") fail(`too many declarations in ${context}`);
    if (declared) rest = rest.slice(declared.length * 2);
    if (rest.length === 0) fail(`missing value for ${context}`);
    let depth = 0;
    let commandLength = 0;
    rest.forEach((token, index) => {
      switch (token.kind) {
        case "pipe":
          if (commandLength === 0) fail("empty command");
          commandLength = 0;
          return;
        case "open":
          if (rest[index + 1]?.kind === "close") fail("missing value for parenthesized pipeline");
          depth++;
          break;
        case "close":
          if (--depth < 0) fail("unexpected right paren");
          break;
        case "ident":
          if (CONTROL.has(token.text)) fail(`unexpected <${token.text}> in command`);
          if (!LITERALS.has(token.text) && !dialect.functions.has(token.text)) fail(`function "${token.text}" not defined`);
          break;
        case "variable": {
          // `$x = value` assigns; Go does not check the target while parsing.
          const assigned = rest[index + 1]?.kind === "assign";
          const name = token.text.split(".")[0];
          if (!assigned && !scope.includes(name)) fail(`undefined variable "${name}"`);
          break;
        }
        case "declare":
        case "comma":
          fail(`unexpected "${token.text}" in command`);
      }
      commandLength++;
    });
    if (depth > 0) fail("unclosed left paren");
    if (declared) scope.push(...declared);
  };

  const openBlock = (keyword: Block["keyword"], tokens: readonly Token[]) => {
    blocks.push({ keyword, offset: actionStart, scopeSize: scope.length });
    checkPipeline(tokens, keyword);
  };

  const action = (tokens: Token[]) => {
    if (tokens.length === 0) fail("missing value for command");
    const [first, ...rest] = tokens;
    const keyword = first.kind === "ident" && CONTROL.has(first.text) ? first.text : undefined;
    switch (keyword) {
      case "if":
      case "with":
      case "range":
        return openBlock(keyword, rest);
      case "else": {
        const top = blocks[blocks.length - 1];
        if (!top || top.keyword === "define" || top.keyword === "block") return fail("unexpected {{else}}");
        if (top.finalElse) fail("expected end; found {{else}}");
        if (rest.length === 0) {
          top.finalElse = true;
          return;
        }
        const chained = rest[0].text;
        if (chained !== "if" && chained !== "with") fail(`unexpected <${chained}> in else`);
        // Go chains {{else if}} onto an if, and (since 1.23) {{else with}} onto a with.
        if (chained !== top.keyword || (chained === "with" && !dialect.elseWith)) fail(`unexpected <${chained}> in input`);
        return checkPipeline(rest.slice(1), chained);
      }
      case "end": {
        if (rest.length > 0) fail(`unexpected <${rest[0].text}> in end`);
        const top = blocks.pop() ?? fail("unexpected {{end}}");
        scope = top.outerScope ?? scope.slice(0, top.scopeSize);
        return;
      }
      case "define":
      case "block": {
        if (keyword === "define" && blocks.length > 0) fail("unexpected <define> in command");
        if (!isQuoted(rest[0])) fail(`${keyword} needs a quoted template name`);
        if (keyword === "block") checkPipeline(rest.slice(1), "block");
        blocks.push({ keyword, offset: actionStart, scopeSize: 1, outerScope: scope });
        scope = ["$"];
        return;
      }
      case "template":
        if (!isQuoted(rest[0])) fail("template needs a quoted template name");
        if (rest.length > 1) checkPipeline(rest.slice(1), "template");
        return;
      case "break":
      case "continue":
        if (!blocks.some((b) => b.keyword === "range")) fail(`{{${keyword}}} outside {{range}}`);
        if (rest.length > 0) fail(`unexpected <${rest[0].text}> in {{${keyword}}}`);
        return;
      default:
        checkPipeline(tokens, "command");
    }
  };

  try {
    while (true) {
      const open = text.indexOf("{{", position);
      if (open < 0) break;
      actionStart = open;
      let cursor = open + 2;
      // A left trim marker is "-" and one space; a comment must follow it (or `{{`) at once.
      if (text[cursor] === "-" && isSpace(text[cursor + 1])) cursor += 2;
      if (text.startsWith("/*", cursor)) {
        const close = text.indexOf("*/", cursor + 2);
        if (close < 0) fail("unclosed comment");
        // After `*/` comes `}}`, or a right trim marker (one space and "-") and `}}`.
        const end = isSpace(text[close + 2]) && text.startsWith("-}}", close + 3) ? close + 4 : close + 2;
        if (!text.startsWith("}}", end)) fail("comment ends before closing delimiter");
        position = end + 2;
        continue;
      }
      const { tokens, end } = lexAction(text, cursor, fail);
      action(tokens);
      position = end;
    }
    const unclosed = blocks.pop();
    if (unclosed) {
      actionStart = unclosed.offset;
      fail(`unexpected EOF: {{${unclosed.keyword}}} has no {{end}}`);
    }
    return undefined;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { offset: actionStart, message: error.message };
    throw error;
  }
}

/** A string constant, as template names must be. */
function isQuoted(token: Token | undefined): boolean {
  return token?.kind === "literal" && (token.text.startsWith('"') || token.text.startsWith("`"));
}

/** `$a :=` or `$a, $b :=` at the start of a pipeline: the declared names. */
function declarations(tokens: readonly Token[]): string[] | undefined {
  const plain = (token: Token | undefined) => token?.kind === "variable" && !token.text.includes(".");
  if (!plain(tokens[0])) return undefined;
  if (tokens[1]?.kind === "declare") return [tokens[0].text];
  if (tokens[1]?.kind === "comma" && plain(tokens[2]) && tokens[3]?.kind === "declare") return [tokens[0].text, tokens[2].text];
  return undefined;
}

/** Go's template space: blank, tab, carriage return or newline. */
function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

const IDENT = /[A-Za-z0-9_]/;

/** The tokens of one action from `from` (just past `{{` and a trim marker) to its `}}`. */
function lexAction(text: string, from: number, fail: (message: string) => never): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let i = from;
  // A name must end at a space, a delimiter or punctuation; `$labels.job-1` is not a subtraction.
  const terminated = (at: number) => {
    const next = text[at];
    if (next !== undefined && !isSpace(next) && !",|:()=".includes(next) && !text.startsWith("}}", at)) fail(`bad character ${JSON.stringify(next)}`);
  };
  const word = (start: number) => {
    let j = start;
    while (j < text.length && (IDENT.test(text[j]) || text[j] === ".")) j++;
    return j;
  };
  while (true) {
    if (i >= text.length) fail("unclosed action");
    const c = text[i];
    if (isSpace(c)) {
      // ` -}}` trims the following text; `-` elsewhere after space starts a number.
      if (text.startsWith("-}}", i + 1)) return { tokens, end: i + 4 };
      i++;
      continue;
    }
    if (text.startsWith("}}", i)) return { tokens, end: i + 2 };
    const start = i;
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\n") break;
        i += text[i] === "\\" ? 2 : 1;
      }
      if (text[i] !== c) fail(c === '"' ? "unterminated quoted string" : "unterminated character constant");
      tokens.push({ kind: "literal", text: text.slice(start, ++i) });
    } else if (c === "`") {
      const close = text.indexOf("`", i + 1);
      if (close < 0) fail("unterminated raw quoted string");
      i = close + 1;
      tokens.push({ kind: "literal", text: text.slice(start, i) });
    } else if (c === ":" && text[i + 1] === "=") {
      tokens.push({ kind: "declare", text: ":=" });
      i += 2;
    } else if (c === "=") {
      tokens.push({ kind: "assign", text: "=" });
      i++;
    } else if (c === "|" || c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: c === "|" ? "pipe" : c === "(" ? "open" : c === ")" ? "close" : "comma", text: c });
      i++;
    } else if (c === "$" || c === ".") {
      i = word(i + 1);
      tokens.push({ kind: c === "$" ? "variable" : "field", text: text.slice(start, i) });
      terminated(i);
    } else if (/[0-9+-]/.test(c)) {
      i = word(i + 1);
      const number = text.slice(start, i);
      if (!/[0-9]/.test(number)) fail(`illegal number syntax: ${JSON.stringify(number)}`);
      tokens.push({ kind: "literal", text: number });
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && IDENT.test(text[j])) j++;
      const name = text.slice(i, j);
      if (LITERALS.has(name) && text[j] === ".") fail(`unexpected . after term ${JSON.stringify(name)}`);
      tokens.push({ kind: "ident", text: name });
      i = word(j);
      terminated(i);
    } else {
      fail(`unrecognized character in action: ${JSON.stringify(c)}`);
    }
  }
}
