// A dashboard of our own, next to the generated ones: the models side by side, for the weekly model
// review. Metrics, labels and SLOs are referred to by object, so a rename updates it or fails to compile.

import { dashboard, panel, row, sloSeries, variable } from "moncc";
import { onlineAccuracy, predictionLatency, predictions } from "../metrics.ts";
import { availabilitySlo, latencySlo } from "../models/fraud-detection.ts";
import { dataScience } from "../teams.ts";

const model = variable(predictions, "model");

export const modelComparison = dashboard("Model comparison", {
  folder: dataScience,
  description: "Every production model side by side: traffic, latency, accuracy, and the fraud model's error budgets.",
  tags: ["ml", "review"],
  variables: [model],
  panels: [
    panel.text("How to read this", {
      content: "Pick models above. Latency is p95 over Grafana's rate interval; accuracy is the online, ground-truth-joined accuracy.",
      height: 2,
    }),
  ],
  rows: [
    row("Traffic and latency", [
      panel.timeseries("Predictions per second", {
        query: { query: predictions.where({ model }).rate("$__rate_interval").sum({ by: ["model"] }), legend: "{{model}}" },
        unit: "reqps",
      }),
      panel.timeseries("p95 latency", {
        query: { query: predictionLatency.where({ model }).quantile(0.95, "$__rate_interval", { by: ["model"] }), legend: "{{model}}" },
        thresholds: [{ value: "100ms", severity: "P2" }, { value: "200ms", severity: "P1" }],
      }),
    ]),
    row("Quality", [
      panel.timeseries("Online accuracy", {
        query: { query: onlineAccuracy.where({ model }).avg({ by: ["model"] }), legend: "{{model}}" },
        min: 0.5,
        max: 1,
      }),
      panel.stat("Fraud latency budget left", { query: sloSeries(latencySlo, "budget-remaining"), width: 6 }),
      panel.stat("Fraud availability budget left", { query: sloSeries(availabilitySlo, "budget-remaining"), width: 6 }),
    ]),
  ],
});
