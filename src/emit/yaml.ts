// A canonical YAML writer for the data generators produce: maps with string keys, sequences,
// strings, finite numbers and booleans. It writes the same block style as the `yaml` library with
// `indentSeq`, which the tests use as the oracle (parse(writeYaml(x)) deep-equals x, for hostile
// strings too). The library's own stringify builds a full document tree first; on the 38 MB that
// 5,000 services produce it took seconds, so moncc writes this narrow subset itself.
//
// Scalars are written for YAML 1.1 readers (Prometheus and Alertmanager use Go's yaml.v2): a string
// that a 1.1 parser would read as a bool, null, number or timestamp ("on", "yes", "0755", "1:20")
// is quoted.

type Value = string | number | boolean | null | undefined | readonly Value[] | { readonly [key: string]: Value };

export function writeYaml(value: Value): string {
  if (!isNested(value)) return `${inline(value, 0)}\n`;
  const lines: string[] = [];
  writeBlock(value, 0, lines);
  return `${lines.join("\n")}\n`;
}

function writeBlock(value: Value, indent: number, lines: string[]): void {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value as readonly Value[]) writeSequenceItem(item, indent, lines);
    return;
  }
  if (isMap(value)) {
    for (const [key, child] of entries(value)) {
      const head = `${pad}${scalar(key)}:`;
      if (isNested(child)) {
        lines.push(head);
        writeBlock(child, indent + 2, lines);
      } else {
        lines.push(`${head} ${inline(child, indent + 2)}`);
      }
    }
    return;
  }
  lines.push(`${pad}${inline(value, indent)}`);
}

function writeSequenceItem(item: Value, indent: number, lines: string[]): void {
  const pad = " ".repeat(indent);
  if (isMap(item) && entries(item).length > 0) {
    // The first key shares the line with the dash; the rest align under it.
    const start = lines.length;
    writeBlock(item, indent + 2, lines);
    lines[start] = `${pad}- ${lines[start].slice(indent + 2)}`;
    return;
  }
  if (Array.isArray(item) && item.length > 0) {
    const start = lines.length;
    writeBlock(item, indent + 2, lines);
    lines[start] = `${pad}- ${lines[start].slice(indent + 2)}`;
    return;
  }
  lines.push(`${pad}- ${inline(item, indent + 2)}`);
}

function isMap(value: Value): value is { readonly [key: string]: Value } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(map: { readonly [key: string]: Value }): [string, Value][] {
  return Object.entries(map).filter(([, v]) => v !== undefined);
}

function isNested(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return isMap(value) && entries(value).length > 0;
}

/** A value on the same line as its key or dash; `indent` is where a block literal's body goes. */
function inline(value: Value, indent: number): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return number(value);
  if (Array.isArray(value)) return "[]";
  if (isMap(value)) return "{}";
  const text = value as string;
  return canBeBlockLiteral(text) ? blockLiteral(text, indent) : scalar(text);
}

function number(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (value === Infinity) return ".inf";
  if (value === -Infinity) return "-.inf";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

/** Strings a YAML 1.1 or 1.2 parser would resolve to something other than a string. */
const IMPLICIT_TYPES = new RegExp([
  "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
  "^(?:~|null|Null|NULL|<<|=)$",
  "^[-+]?(?:[0-9][0-9_]*)?\\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$",
  "^[-+]?0[xob][0-9a-fA-F_]+$",
  "^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$",
  "^[-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN)$",
  "^\\d{4}-\\d\\d?-\\d\\d?",
].join("|"));

/** A plain scalar may not start with an indicator, contain ": " or " #", or end with ":". */
function isPlainSafe(text: string): boolean {
  if (text === "" || IMPLICIT_TYPES.test(text)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^-[^\s]/.test(text)) return false;
  if (/^-(?:\s|$)/.test(text) || /^[?:](?:\s|$)/.test(text)) return false;
  if (/\s$/.test(text) || /: |:$| #|\t/.test(text)) return false;
  // Printable, single-line characters only.
  return !/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(text);
}

function scalar(text: string): string {
  if (isPlainSafe(text)) return text;
  // Like the yaml library: single quotes when they avoid escaping double quotes.
  if (text.includes('"') && !text.includes("'") && !/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(text)) return `'${text}'`;
  return doubleQuoted(text);
}

/** JSON string escapes are valid YAML double-quoted escapes; YAML also needs DEL and C1 escaped. */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\x7f-\x9f\u2028\u2029\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Multi-line text reads best as `|-`; only when every line survives the block literal unchanged. */
function canBeBlockLiteral(text: string): boolean {
  if (!text.includes("\n")) return false;
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\r]/.test(text)) return false;
  if (/^[ \n]/.test(text)) return false;
  // Trailing spaces on a line, or whitespace-only lines before content, are kept by a literal, but
  // trailing blank lines need "+" chomping; keep it simple and quote those.
  return !/ \n|\n\n+$| $/.test(text);
}

function blockLiteral(text: string, indent: number): string {
  const chomp = text.endsWith("\n") ? "" : "-";
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const pad = " ".repeat(indent);
  return `|${chomp}\n${body.split("\n").map((line) => (line === "" ? "" : pad + line)).join("\n")}`;
}
