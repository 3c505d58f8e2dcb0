// Receiver options are written into alertmanager.yml as they are, so the model holds them as JSON
// values only. The walk is iterative: an option nested thousands deep must not overflow the stack.

import { types } from "node:util";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One value still to copy: where it sits (for messages and cycles) and where its copy goes. */
interface Pending {
  readonly value: unknown;
  readonly key: string | number;
  readonly parent: Pending | undefined;
  readonly put: (copy: JsonValue) => void;
}

/** A value that is not JSON, or that cannot be read; the message names where it sits. */
export class NotJsonError extends Error {}

function pathOf(item: Pending): string {
  let path = "";
  for (let at: Pending | undefined = item; at; at = at.parent) {
    path = (typeof at.key === "number" ? `[${at.key}]` : at.parent ? `.${at.key}` : at.key) + path;
  }
  return path;
}

function kindOf(value: unknown): string {
  if (typeof value === "number" || value === undefined) return String(value);
  if (typeof value !== "object" || value === null) return `a ${typeof value}`;
  if (types.isProxy(value)) return "a Proxy";
  return `a ${Object.getPrototypeOf(value)?.constructor?.name ?? "object"}`;
}

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of `value` made of strings, finite numbers, booleans, null, arrays and plain objects. An
 * object property that is undefined is left out, as JSON does; anything else throws NotJsonError.
 */
export function toJsonValue(value: unknown, name: string): JsonValue {
  let result: JsonValue = null;
  const stack: Pending[] = [{ value, key: name, parent: undefined, put: (copy) => { result = copy; } }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const fail = (what: string) => new NotJsonError(`${pathOf(item)} ${what}`);
    const v = item.value;
    if (typeof v === "string" || typeof v === "boolean" || v === null) {
      item.put(v);
      continue;
    }
    if (typeof v === "number" && Number.isFinite(v)) {
      item.put(v);
      continue;
    }
    if (typeof v !== "object" || types.isProxy(v) || !(Array.isArray(v) || isPlainObject(v))) {
      throw fail(`is ${kindOf(v)}, which is not a JSON value`);
    }
    for (let at = item.parent; at; at = at.parent) if (at.value === v) throw fail("contains itself");
    let entries: [string | number, unknown][];
    try {
      entries = Array.isArray(v) ? Array.from(v, (element, index) => [index, element]) : Object.entries(v).filter(([, element]) => element !== undefined);
    } catch (error) {
      throw fail(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    const copy: JsonValue[] | Record<string, JsonValue> = Array.isArray(v) ? [] : {};
    item.put(copy);
    // Pushed in reverse so items are copied in order; defineProperty keeps a "__proto__" key a key.
    for (const [key, element] of entries.reverse()) {
      stack.push({
        value: element, key, parent: item,
        put: (child) => Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true }),
      });
    }
  }
  return result;
}

/** Whether `value` is a JSON value as toJsonValue takes it. */
export function isJsonValue(value: unknown): boolean {
  try {
    toJsonValue(value, "value");
    return true;
  } catch (error) {
    if (error instanceof NotJsonError) return false;
    throw error;
  }
}
