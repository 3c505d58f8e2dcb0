// The YAML writer against the yaml library as oracle: whatever it writes reads back as exactly the
// data, under both YAML 1.1 (Go's yaml.v2, used by Prometheus and Alertmanager) and YAML 1.2.

import fc from "fast-check";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { writeYaml } from "../../src/emit/yaml.js";

const tricky = fc.constantFrom(
  "", " ", "on", "Off", "yes", "n", "Y", "null", "~", "true", "0755", "0x1F", "1e3", "1:20", ".inf", "-.nan", "1.0", "+1", "1_000",
  "2024-01-02", "=", "<<", "a: b", "a:", "#x", "x #y", "- dash", "-x", "? q", ":x", "[a]", "{{ $value }}", "say \"hi\"", "it's", "'both\" '",
  "back\\slash", "two\nlines", "trail\n", "two\n\nblank", "\nlead", " lead", "tab\tin", "cr\r\nlf", "\u0000nul", "del\u007f", "ünïcødé ✓",
  "line\u2028sep", "5m", "sum by (x) (rate(m{a=\"b\"}[5m])) > 0.2", "http://x.example/a?b=c#d", "%x", "@x", "`x", "!x", "&x", "*x", "|x", ">x",
);
const text = fc.oneof(tricky, fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }));
const key = fc.oneof(fc.constantFrom("alert", "expr", "n", "on", "a b", "labels", "1"), fc.string({ minLength: 1, maxLength: 8 }));
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
})).map;

describe("writeYaml", () => {
  it("reads back as the same data under YAML 1.1 and 1.2", () => {
    fc.assert(fc.property(data, (value) => {
      const written = writeYaml(value as Parameters<typeof writeYaml>[0]);
      expect(parse(written, { version: "1.1" })).toEqual(value);
      expect(parse(written, { version: "1.2" })).toEqual(value);
    }), { numRuns: 500 });
  });

  it("writes the same bytes as the yaml library for generator-shaped data", () => {
    const rule = {
      groups: [{
        name: "api.alerts",
        rules: [{
          alert: "ApiHighErrorRate",
          expr: 'sum(rate(http_requests_total{code="5xx"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
          for: "10m",
          labels: { on: "yes", service: "api", severity: "P2", team: "web", tier: "1" },
          annotations: { description: "first line\nsecond line", runbook_url: "https://runbooks.example.com/x", summary: "{{ $value }} is high" },
        }],
      }],
      templates: ["templates/*.tmpl"],
      empty: [],
      title: '{{ template "moncc.title" . }}',
      send_resolved: true,
      max_alerts: 20,
    };
    expect(writeYaml(rule)).toBe(stringify(rule, { version: "1.1", lineWidth: 0, indentSeq: true, aliasDuplicateObjects: false }));
  });
});
