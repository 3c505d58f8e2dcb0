import { expressionCheck, type Finding } from "./expressions.js";

/** `{{ $labels.model }}`, `{{ .Labels.model }}` and `{{ index $labels "model" }}`, inside template actions only. */
const LABEL_READS = [/\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)/g, /\.Labels\.([a-zA-Z_][a-zA-Z0-9_]*)/g, /index\s+\$labels\s+"([^"]+)"/g];

/**
 * ◆ An annotation that reads a label the alert's query does not return. `$labels` holds the
 * series' labels only (not the rule's static labels), so the text renders empty, and nobody
 * notices until a page says "model  is degraded".
 */
export const templateLabel = expressionCheck({
  code: "MON213",
  name: "promql/template-label",
  severity: "error",
  summary: "◆ an annotation template reading a label the query result does not have",
  inspect: ({ tree, alert }, { labels }) => {
    if (!tree || !alert) return [];
    const result = labels.labels(tree);
    if (!result.exact) return [];
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const rule of alert.rules) {
      for (const [key, text] of Object.entries(rule.annotations)) {
        const actions = [...text.matchAll(/\{\{(.*?)\}\}/gs)].map((m) => m[1]).join("\n");
        for (const pattern of LABEL_READS) {
          for (const match of actions.matchAll(pattern)) {
            const label = match[1];
            if (result.names.has(label) || reported.has(`${key}/${label}`)) continue;
            reported.add(`${key}/${label}`);
            const have = result.names.size === 0 ? "no labels" : [...result.names].sort().join(", ");
            out.push({
              message: `annotation ${key} reads label ${label}, but the query's series carry ${have}; it renders empty`,
              hint: `keep ${label} in the query (e.g. in its by() list), or stop reading it; the rule's own labels are not in $labels`,
              span: alert.span,
            });
          }
        }
      }
    }
    return out;
  },
});
