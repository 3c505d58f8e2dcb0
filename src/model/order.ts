// The one ordering rule for output: plain code-unit order. `localeCompare` depends on the host's
// ICU locale, so it could order files or receivers differently on another machine.

export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `record` with keys in code-unit order and undefined values dropped. */
export function sortedRecord(record: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort(byText)) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
