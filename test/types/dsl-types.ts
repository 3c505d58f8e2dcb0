// Compile-time tests of the authoring API, checked by `tsc --noEmit` (part of `npm test`).
// Each @ts-expect-error line must be a type error; if the DSL stopped catching it, tsc fails.

import { alert, counter, errorRatio, gauge, histogram, pagerduty, project, record, service, slack, slo, team } from "moncc";

const predictions = counter("model_predictions_total", { help: "Predictions.", unit: "predictions", labels: ["model", "status"] });
const latency = histogram("model_latency_seconds", { help: "Latency.", unit: "s", labels: ["model"], buckets: [0.1, 0.2] });
const accuracy = gauge("model_online_accuracy", { help: "Accuracy.", unit: "ratio", labels: ["model", "version"] });

// Declared labels work with strings, lists and regexes.
predictions.where({ status: "error", model: ["fraud", "risk"] });
predictions.where({ model: /fraud-.*/ });
predictions.where({ status: { not: "ok" } });

// @ts-expect-error: "statuss" is not a label of model_predictions_total
predictions.where({ statuss: "error" });

// @ts-expect-error: a number is not a label value
predictions.where({ status: 500 });

// Aggregating keeps only the labels grouped by, and only declared ones can be grouped by.
const perModel = accuracy.avg({ by: ["model"] });
perModel.max({ by: ["model"] });
// @ts-expect-error: "version" was aggregated away
perModel.max({ by: ["version"] });
// @ts-expect-error: "pod" is not a label of the histogram
latency.quantile(0.95, "5m", { by: ["pod"] });

// Histograms and gauges do not have counter functions.
// @ts-expect-error: rate() of a gauge is not offered
accuracy.rate("5m");
// @ts-expect-error: quantile() of a counter is not offered
predictions.quantile(0.9, "5m");

// errorRatio can only group by labels both counters carry.
const rejected = counter("rows_rejected_total", { help: "Rejected rows.", unit: "events", labels: ["pipeline", "check"] });
const ingested = counter("rows_ingested_total", { help: "Ingested rows.", unit: "events", labels: ["pipeline"] });
errorRatio(rejected, ingested, "1h", { by: ["pipeline"] });
// @ts-expect-error: "check" exists only on the numerator, so the ratio would never match
errorRatio(rejected, ingested, "1h", { by: ["check"] });

// Windows are Prometheus durations.
// @ts-expect-error: "5 minutes" is not a duration
predictions.rate("5 minutes");

const ml = team("ml", {
  receivers: { page: pagerduty({ routingKeyFile: "/etc/am/pd" }), chat: slack({ channel: "#ml", apiUrlFile: "/etc/am/slack" }) },
  escalation: {
    P0: { notify: ["page", "chat"], repeat: "30m" },
    // @ts-expect-error: the team has no receiver "email"
    P2: { notify: ["email"] },
  },
});

// @ts-expect-error: receivers take secrets only by file
slack({ channel: "#ml", apiUrl: "https://hooks.example.com/x" });

// @ts-expect-error: the default receiver must be one of the team's receivers
ml.receiver("sms");

// @ts-expect-error: "P5" is not a severity, and the shorthand needs a comparison
alert.threshold("Bad", { query: accuracy.value(), P1: "0.8", summary: "s" });

export default project({
  name: "types",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [ml],
  services: [
    service("fraud", {
      owner: ml,
      alerts: [
        alert.threshold("FraudErrors", {
          query: errorRatio(predictions.where({ status: "error" }), predictions, "5m", { by: ["model"] }),
          P0: "> 5% for 2m",
          summary: "errors",
        }),
      ],
    }),
  ],
  defaultReceiver: ml.receiver("chat"),
});

// A recording rule's series keeps the labels of the query it records.
const ratePerModel = record("model:model_predictions:rate5m", predictions.rate("5m").sum({ by: ["model"] }));
ratePerModel.series().max({ by: ["model"] });
// @ts-expect-error: "status" was aggregated away before recording
ratePerModel.series().max({ by: ["status"] });

// Inhibit rules, ignore entries, traffic and scrape settings are typed too.
team("typed-extras", {
  receivers: { chat: slack({ channel: "#x", apiUrlFile: "/f" }) },
  escalation: { P1: { notify: ["chat"] } },
  inhibit: [{ source: { alertname: "Down" }, target: { component: "inference" }, equal: ["model"] }],
});
alert.threshold("Silenced", { query: accuracy.value(), P2: "< 0.8", summary: "s", ignore: { MON208: "raw value is intended" } });
// @ts-expect-error: an ignore reason is a string
alert.threshold("BadIgnore", { query: accuracy.value(), P2: "< 0.8", summary: "s", ignore: { MON208: true } });
// @ts-expect-error: traffic is "<number>/<s|m|h|d>"
slo.ratio("thin", { errors: predictions.where({ status: "error" }), total: predictions, objective: "99%", traffic: "5 per hour" });

// Dashboards: variables, units, SLO series and windows are typed too.
import { dashboard, panel, row, sloSeries, variable } from "moncc";

const modelVariable = variable(predictions, "model");
// @ts-expect-error: "version" is not a label of model_predictions_total
variable(predictions, "version");
const availability = slo.ratio("availability", { errors: predictions.where({ status: "error" }), total: predictions, objective: "99.9%" });
dashboard("Typed", {
  variables: [modelVariable],
  rows: [
    row("Traffic", [
      panel.timeseries("Rate", { query: predictions.where({ model: modelVariable }).rate("$__rate_interval"), unit: "reqps" }),
      panel.stat("Budget", { query: sloSeries(availability, "budget-remaining"), unit: "percentunit" }),
      // @ts-expect-error: "reqz" is not a Grafana unit
      panel.timeseries("Bad unit", { query: predictions.rate("5m"), unit: "reqz" }),
      // @ts-expect-error: not a series moncc records for an SLO
      panel.stat("Bad series", { query: sloSeries(availability, "budget") }),
      // @ts-expect-error: "$__rate" is not a Grafana interval variable or a duration
      panel.timeseries("Bad window", { query: predictions.rate("$__rate") }),
    ]),
  ],
});
