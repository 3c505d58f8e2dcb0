// A dashboard built with the Grafana foundation SDK, as the generator does: three rows (the last one
// collapsed) and 11 panels of every type the generator emits, in widths 6, 8 and 12.

import { DashboardBuilder, DatasourceVariableBuilder, QueryVariableBuilder, RowBuilder, ThresholdsConfigBuilder, ThresholdsMode } from "@grafana/grafana-foundation-sdk/dashboard";
import { PanelBuilder as BarGaugePanel } from "@grafana/grafana-foundation-sdk/bargauge";
import { PanelBuilder as GaugePanel } from "@grafana/grafana-foundation-sdk/gauge";
import { PanelBuilder as HeatmapPanel } from "@grafana/grafana-foundation-sdk/heatmap";
import { DataqueryBuilder, PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import { PanelBuilder as StatPanel } from "@grafana/grafana-foundation-sdk/stat";
import { PanelBuilder as TablePanel } from "@grafana/grafana-foundation-sdk/table";
import { PanelBuilder as TextPanel } from "@grafana/grafana-foundation-sdk/text";
import { PanelBuilder as TimeseriesPanel } from "@grafana/grafana-foundation-sdk/timeseries";

const query = (expr: string, legend?: string) => {
  const q = new DataqueryBuilder().expr(expr);
  return legend === undefined ? q : q.legendFormat(legend);
};

const steps = (...s: { value: number | null; color: string }[]) => new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(s);

/** Classic dashboard JSON, as a plain object the way it is read back from a generated file. */
export function sampleDashboard(): Record<string, unknown> {
  const dashboard = new DashboardBuilder("Checkout service")
    .uid("sample-checkout")
    .tags(["moncc", "service"])
    .description("RED, model and resource panels of the checkout service")
    .withVariable(new DatasourceVariableBuilder("datasource").type("prometheus"))
    .withVariable(new QueryVariableBuilder("model").label("Model").query('label_values(http_requests_total{service="checkout"}, model)'))
    .withRow(new RowBuilder("RED"))
    .withPanel(new TimeseriesPanel().id(1).title("Request rate by status").unit("reqps").span(8).height(8)
      .withTarget(query('sum by (code) (rate(http_requests_total{service="checkout"}[$__rate_interval]))', "{{code}}")))
    .withPanel(new TimeseriesPanel().id(2).title("Error ratio").unit("percentunit").span(8).height(8)
      .thresholds(steps({ value: null, color: "green" }, { value: 0.01, color: "orange" }, { value: 0.05, color: "red" }))
      .withTarget(query('sum(rate(http_requests_total{service="checkout",code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total{service="checkout"}[$__rate_interval]))', "errors")))
    .withPanel(new TimeseriesPanel().id(3).title("Latency p50 / p95 / p99").unit("s").span(8).height(8)
      .withTarget(query("histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))", "p50"))
      .withTarget(query("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))", "p95"))
      .withTarget(query("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))", "p99")))
    .withPanel(new StatPanel().id(4).title("Availability (30d)").unit("percentunit").span(6).height(5)
      .thresholds(steps({ value: null, color: "red" }, { value: 0.999, color: "green" }))
      .withTarget(query("slo:sli_error:ratio_rate30d").instant()))
    .withPanel(new GaugePanel().id(5).title("Error budget remaining").unit("percentunit").min(0).max(1).span(6).height(5)
      .withTarget(query("slo:error_budget:remaining").instant()))
    .withPanel(new TextPanel().id(6).title("About").span(12).height(5).content("## Checkout\nOwned by **payments**. Runbook: see the wiki."))
    .withRow(new RowBuilder("Model"))
    .withPanel(new HeatmapPanel().id(7).title("Prediction confidence").span(12).height(8)
      .withTarget(query("sum by (le) (rate(model_confidence_bucket[$__rate_interval]))", "{{le}}").format(PromQueryFormat.Heatmap)))
    .withPanel(new BarGaugePanel().id(8).title("Throughput by model").unit("ops").span(6).height(8)
      .withTarget(query("sum by (model) (rate(model_predictions_total[$__rate_interval]))", "{{model}}")))
    .withPanel(new TablePanel().id(9).title("Active alerts").span(6).height(8)
      .withTarget(query('ALERTS{service="checkout",alertstate="firing"}').instant().format(PromQueryFormat.Table)))
    .withRow(new RowBuilder("Resources").collapsed(true)
      .withPanel(new TimeseriesPanel().id(10).title("CPU against limit").unit("percentunit").span(12).height(7)
        .withTarget(query('sum(rate(container_cpu_usage_seconds_total{container="checkout"}[$__rate_interval]))', "cpu")))
      .withPanel(new TimeseriesPanel().id(11).title("Memory against limit").unit("bytes").span(12).height(7)
        .withTarget(query('sum(container_memory_working_set_bytes{container="checkout"})', "memory"))))
    .build();
  return JSON.parse(JSON.stringify(dashboard)) as Record<string, unknown>;
}
