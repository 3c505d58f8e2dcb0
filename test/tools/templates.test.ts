// The Go template scanner (src/validate/receivers/go-template.ts) against the real parsers:
// promtool must reject exactly the alert annotations the scanner rejects, and amtool exactly the
// notification templates it rejects.

import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_TEMPLATE } from "../../src/generators/alertmanager/templates.js";
import { ALERTMANAGER_DIALECT, prometheusDialect, scanGoTemplate } from "../../src/validate/receivers/go-template.js";
import { tempDir } from "../helpers.js";
import { runTool } from "./tools.js";

/** Annotation texts, valid and invalid, covering every kind of error the scanner knows. */
const ANNOTATIONS = [
  // valid
  "plain text, no template",
  "{{ $labels.instance }} is at {{ $value | humanizePercentage }}",
  "{{ humanizeDuration $value }} left on {{ $externalLabels.cluster }} ({{ $externalURL }})",
  '{{ if gt $value 0.5 }}high{{ else if gt $value 0.1 }}medium{{ else }}low{{ end }}',
  '{{ range $i, $s := query "up" }}{{ $i }}={{ $s | value }}{{ break }}{{ end }}',
  '{{ with $labels.job }}{{ . | toUpper }}{{ end }}',
  '{{ $v := $value }}{{ printf "%.2f" $v }}',
  '{{- /* a comment */ -}} trimmed {{- $value -}}',
  '{{ "}}" }} and {{ `raw }}` }}',
  '{{ define "x" }}inner{{ end }}{{ template "x" }}',
  '{{ reReplaceAll "(.*):.*" "$1" $labels.instance | stripPort }}',
  '{{ (index (query "up") 0).Value }}',
  "stray }} closing braces are text",
  "{{ .Labels.job }} {{ .Value }}",
  // invalid
  "{{ $labels.instance",
  "{{ end }}",
  "{{ if $value }}no end",
  "{{ else }}",
  "{{ $lables.job }}",
  "{{ if true }}{{ $v := 1 }}{{ end }}{{ $v }}",
  '{{ define "x" }}{{ $labels.job }}{{ end }}',
  "{{ $value | humanise }}",
  "{{ urlQueryEscape $labels.job }}",
  "{{ }}",
  "{{ break }}",
  "{{/* unclosed comment }}",
  "{{ /* a comment needs no space after the braces */ }}",
  "{{/* and none before them */ }}",
  "{{/* but a trim marker may follow */ -}}",
  '{{ printf "%s" (humanize $value }}',
  '{{ "unterminated }}',
  "{{ $value | | humanize }}",
  "{{ with $value }}x{{ else with $labels }}y{{ end }}",
  "{{ range $labels }}{{ end }}{{ end }}",
  "{{ if true }}{{ else }}{{ else }}{{ end }}",
  "{{ with $labels }}{{ else if true }}{{ end }}",
  '{{ if true }}{{ define "x" }}{{ end }}{{ end }}',
  "{{ () }}",
  "{{ true.x }}",
  "{{- -}}",
  "{{ $labels.job-1 }}",
  "{{ range $i, $x, $y := args }}{{ end }}",
  "{{ $a, $b := args }}",
  "{{ $x.y := 1 }}",
];

function promtoolAccepts(dir: string, index: number, text: string): { ok: boolean; output: string } {
  const file = path.join(dir, `rule-${index}.yml`);
  const rules = { groups: [{ name: "g", rules: [{ alert: "A", expr: "up == 0", annotations: { text } }] }] };
  fs.writeFileSync(file, stringify(rules));
  const result = runTool("promtool", ["check", "rules", file]);
  return { ok: result.status === 0, output: result.output };
}

describe("Go template scanner against promtool check rules (Prometheus 2.42)", () => {
  const dir = tempDir("moncc-templates-");
  const dialect = prometheusDialect("2.42");
  ANNOTATIONS.forEach((text, index) => {
    it(JSON.stringify(text), () => {
      const promtool = promtoolAccepts(dir, index, text);
      const found = scanGoTemplate(text, dialect);
      expect(found === undefined, `promtool: ${promtool.output}\nmoncc: ${found?.message}`).toBe(promtool.ok);
    });
  });

  it("covers both outcomes", () => {
    const rejected = ANNOTATIONS.filter((text) => scanGoTemplate(text, dialect) !== undefined);
    expect(rejected.length).toBeGreaterThan(10);
    expect(ANNOTATIONS.length - rejected.length).toBeGreaterThan(10);
  });
});

describe("Go template scanner against amtool check-config (Alertmanager 0.25)", () => {
  const check = (template: string) => {
    const dir = tempDir("moncc-am-templates-");
    fs.writeFileSync(path.join(dir, "moncc.tmpl"), template);
    fs.writeFileSync(path.join(dir, "alertmanager.yml"), stringify({ route: { receiver: "a" }, receivers: [{ name: "a" }], templates: ["moncc.tmpl"] }));
    return runTool("amtool", ["check-config", path.join(dir, "alertmanager.yml")]);
  };

  it("accepts moncc's notification templates, and so does the scanner", () => {
    expect(scanGoTemplate(NOTIFICATION_TEMPLATE, ALERTMANAGER_DIALECT)).toBeUndefined();
    const amtool = check(NOTIFICATION_TEMPLATE);
    expect(amtool.status, amtool.output).toBe(0);
  });

  for (const broken of [
    '{{ define "t" }}{{ .CommonLabels.severity | humanize }}{{ end }}',
    '{{ define "t" }}{{ range .Alerts }}{{ .Labels.alertname }}{{ end }}',
    '{{ define "t" }}{{ $labels.job }}{{ end }}',
  ]) {
    it(`rejects ${JSON.stringify(broken)} like amtool`, () => {
      expect(scanGoTemplate(broken, ALERTMANAGER_DIALECT)).toBeDefined();
      expect(check(broken).status).not.toBe(0);
    });
  }
});
