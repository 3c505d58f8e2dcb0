// The grammar follows current Prometheus, where holt_winters is spelled
// double_exponential_smoothing. Expressions for 2.x targets still say holt_winters, so the name is
// swapped before parsing and positions are mapped back to the text the user wrote.

export interface GrammarText {
  /** The expression as the grammar understands it. */
  readonly text: string;
  /** Offsets in the original expression where `holt_winters` was written. */
  readonly holtWinters: readonly number[];
  /** Maps an offset in `text` back to the original expression. */
  toOriginal(offset: number): number;
}

const OLD = "holt_winters";
const NEW = "double_exponential_smoothing";

export function grammarText(expr: string): GrammarText {
  const positions: number[] = [];
  const text = expr.replace(/\bholt_winters(?=\s*\()/g, (_match, offset: number) => {
    positions.push(offset);
    return NEW;
  });
  const delta = NEW.length - OLD.length;
  return {
    text,
    holtWinters: positions,
    toOriginal: (offset) => {
      let shift = 0;
      for (const [index, at] of positions.entries()) {
        const start = at + index * delta;
        if (offset >= start + NEW.length) shift += delta;
        else if (offset > start) return at + Math.min(offset - start, OLD.length);
      }
      return offset - shift;
    },
  };
}
