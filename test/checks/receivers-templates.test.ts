// MON317 receivers/template-syntax, and the Go template scanner behind it. The scanner is proven
// against promtool and amtool in test/tools/templates.test.ts.

import { describe, expect, it } from "vitest";
import { ALERTMANAGER_DIALECT, prometheusDialect, scanGoTemplate } from "../../src/validate/receivers/go-template.js";
import { baseProject, compileFiles, lineOf, withCode } from "../helpers.js";

/** Diagnostics of the checks this file is about; other families are tested elsewhere. */
const ours = <D extends { code: string }>(result: { diagnostics: readonly D[] }) => result.diagnostics.filter((d) => ["MON315", "MON316", "MON317", "MON318"].includes(d.code));

const PROMETHEUS = prometheusDialect("2.42");

describe("scanGoTemplate", () => {
  it("reports the first error with Go's wording and the offending action's offset", () => {
    expect(scanGoTemplate("ok {{ $value }} {{ $nope }}", PROMETHEUS)).toEqual({ offset: 16, message: 'undefined variable "$nope"' });
    expect(scanGoTemplate("{{ $value | humanise }}", PROMETHEUS)).toEqual({ offset: 0, message: 'function "humanise" not defined' });
    expect(scanGoTemplate("a {{ range $labels }}b", PROMETHEUS)).toEqual({ offset: 2, message: "unexpected EOF: {{range}} has no {{end}}" });
    expect(scanGoTemplate("a {{ end }}", PROMETHEUS)).toEqual({ offset: 2, message: "unexpected {{end}}" });
    expect(scanGoTemplate("{{ $labels.job ", PROMETHEUS)?.message).toBe("unclosed action");
  });

  it("scopes variables to their block, and a define to its own", () => {
    expect(scanGoTemplate("{{ with $x := $value }}{{ $x }}{{ end }}", PROMETHEUS)).toBeUndefined();
    expect(scanGoTemplate("{{ with $x := $value }}{{ end }}{{ $x }}", PROMETHEUS)?.message).toBe('undefined variable "$x"');
    expect(scanGoTemplate('{{ define "t" }}{{ $value }}{{ end }}', PROMETHEUS)?.message).toBe('undefined variable "$value"');
  });

  it("knows which functions each target has", () => {
    expect(scanGoTemplate("{{ urlQueryEscape $labels.job }}", PROMETHEUS)?.message).toBe('function "urlQueryEscape" not defined');
    expect(scanGoTemplate("{{ urlQueryEscape $labels.job }}", prometheusDialect("3.0"))).toBeUndefined();
    expect(scanGoTemplate("{{ .CommonLabels.job | humanize }}", ALERTMANAGER_DIALECT)?.message).toBe('function "humanize" not defined');
  });
});

describe("MON317 receivers/template-syntax", () => {
  it("reports an annotation that does not parse at the line that writes it", async () => {
    const source = baseProject({
      alerts: `alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5% for 5m",
      summary: "API error rate is high",
      description: "{{ $value | humanizePercentage }} of requests fail{{ end }}",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    const result = await compileFiles({ "moncc.config.ts": source });
    const found = withCode(result, "MON317");
    expect(found.map((d) => [d.span?.line, d.message])).toEqual([[lineOf(source, "description:"),
      'alert "ApiHighErrorRate" annotation "description": unexpected {{end}} at {{ end }}']]);
    expect(found[0].hint).toContain("open the block it belongs to");
  });

  it("reports an alert label template and a templated receiver option", async () => {
    const source = baseProject({
      receivers: `chat: slack({ channel: "#web-{{ .CommonLabels.service | lower }}", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),`,
      alerts: `alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5% for 5m",
      summary: "API error rate is high",
      labels: { owner: "{{ $labels.team" },
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    const result = await compileFiles({ "moncc.config.ts": source });
    expect(withCode(result, "MON317").map((d) => [d.span?.line, d.message])).toEqual([
      [lineOf(source, "chat: slack"), 'receiver "web-chat" (slack) option "channel": function "lower" not defined at {{ .CommonLabels.service | lower }}'],
      [lineOf(source, "labels: { owner"), 'alert "ApiHighErrorRate" label "owner": unclosed action at {{ $labels.team']]);
  });

  it("accepts the templates Prometheus documents", async () => {
    const source = baseProject({
      alerts: `alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P1: "> 5% for 5m",
      summary: "API error rate is {{ $value | humanizePercentage }}",
      description: "{{ if gt $value 0.1 }}severe{{ else }}elevated{{ end }} on {{ $externalLabels.cluster }}",
      runbook: "https://runbooks.example.com/api",
    }),`,
    });
    expect(ours(await compileFiles({ "moncc.config.ts": source }))).toEqual([]);
  });
});
