// Expressions from the rule corpus on which moncc's PromQL checks were wrong (docs/validation.md,
// "Fixed in moncc"), reduced to the construct, through the same entry the corpus comparison uses.

import { describe, expect, it } from "vitest";
import { inspectBareExpression } from "../../src/validate/promql/bare.js";

const inspect = (expr: string, role: "alert" | "record" = "alert") =>
  inspectBareExpression(expr, role, { prometheus: "2.42", scrapeInterval: 15 }).map((f) => `${f.code}@${f.offset} ${f.message}`);

describe("comments (kube-prometheus starts expressions with `# ...` lines)", () => {
  it("checks an expression after a comment instead of failing on it", () => {
    expect(inspect("# Without max_over_time, failed scrapes could create false negatives\nmax_over_time(up[5m]) == 0")).toEqual([]);
  });

  it("still finds a type error after a leading comment", () => {
    expect(inspect("# a comment\nrate(http_requests_total) > 0")).toEqual([
      'MON202@17 expected type matrix in call to function "rate", got vector',
    ]);
  });
});

describe("the PromQL linter sees the whole expression", () => {
  it("reports nothing for a valid expression longer than the editor's first parse (3000 characters)", () => {
    const long = Array.from({ length: 80 }, (_, i) => `sum(rate(requests_${i}_total{job="api"}[5m]))`).join(" + ");
    expect(long.length).toBeGreaterThan(3000);
    expect(inspect(`${long} > 1`)).toEqual([]);
  });

  it("still reports a type error near the end of a long expression", () => {
    const long = Array.from({ length: 80 }, (_, i) => `sum(rate(requests_${i}_total[5m]))`).join(" + ");
    const findings = inspect(`${long} + rate(last_total) > 1`);
    expect(findings).toEqual([`MON202@${long.length + 8} expected type matrix in call to function "rate", got vector`]);
  });
});

describe("several __name__ matchers", () => {
  it("accepts them inside the braces, as Prometheus does", () => {
    expect(inspect('{__name__=~"pg_settings_.*",__name__!="pg_settings_transaction_read_only"} != ON(__name__, instance) {__name__=~"pg_settings_.*"} OFFSET 5m')).toEqual([]);
  });

  it("still rejects a __name__ matcher next to a metric name", () => {
    expect(inspect('up{__name__="down"} == 0')).toEqual(['MON202@0 metric name must not be set twice: up or down']);
  });
});

describe("constant conditions (MON216)", () => {
  it("reads `3 <= x < 20` as a band filter: the value is x's, not 3", () => {
    expect(inspect("3 <= round((last_over_time(probe_ssl_earliest_cert_expiry[10m]) - time()) / 86400, 0.1) < 20")).toEqual([]);
  });

  it("takes quantile_over_time's values from its range, not from φ", () => {
    expect(inspect("max(quantile_over_time(0.5, kube_hpa_desired_replicas[1d])) by (hpa) > 3")).toEqual([]);
  });

  it("accepts `count(x < 1) > 0`: the filter decides which series exist", () => {
    expect(inspect("count(cilium_remote_cluster_readiness_status < 1) by (target_cluster) > 0")).toEqual([]);
  });

  it("still reports `count(x) > 0`, which holds whenever x exists", () => {
    expect(inspect("count(up) > 0")).toEqual([
      "MON216@0 condition `> 0` holds for every value the query can take (from 1 to +Inf), so the alert fires whenever the series exist",
    ]);
  });

  it("still reports `count(x) by (b) == 0`, which never fires", () => {
    expect(inspect("count(traefik_backend_server_up) by (backend) == 0")).toEqual([
      "MON216@0 condition `== 0` can never hold: the query only takes values from 1 to +Inf",
    ]);
  });
});
