// Fraud detection scores every card payment inline, before authorization. It is the strictest model
// on the platform: the payment gateway waits at most 500 ms for a score and then approves on static
// rules alone, so slow predictions are missed fraud checks, not just slow pages.
//
// SLOs: p95 latency < 100 ms, server-side errors < 0.1%, online accuracy within 2% of its baseline.

import { alert, monitor, panel, row, service, slo } from "moncc";
import { mlPlatform } from "../teams.ts";
import {
  accuracyDrop, confidenceScores, featureValue, predictionErrors, predictions, SERVER_SIDE_ERRORS, gpuUtilization, p95Latency, predictionConfidence, predictionLatency, serverErrorRatio,
} from "../metrics.ts";

const MODEL = "fraud-detection";
const RUNBOOKS = "https://runbooks.example.com/ai-platform/fraud-detection";

const latency = predictionLatency.where({ model: MODEL });

// The seeds' serving SLOs: 95% of predictions within 100 ms, 99.9% of predictions succeed. Exported,
// so dashboards read their series by object.
export const latencySlo = slo.latency("prediction-latency", {
  histogram: latency,
  threshold: "100ms",
  objective: "95%",
  description: "95% of fraud scores are returned within 100 ms.",
  alerting: { runbook: `${RUNBOOKS}/latency-slo` },
  noData: { for: "15m" },
});

export const availabilitySlo = slo.ratio("prediction-availability", {
  errors: predictionErrors.where({ model: MODEL, reason: SERVER_SIDE_ERRORS }),
  total: predictions.where({ model: MODEL }),
  objective: "99.9%",
  description: "99.9% of fraud scoring requests succeed (invalid requests excluded).",
  // Overnight traffic is thin: do not page on a handful of failed payments.
  minEvents: 500,
  alerting: { runbook: `${RUNBOOKS}/availability-slo` },
});

export const fraudDetection = service(MODEL, {
  owner: mlPlatform,
  description: "Real-time card-payment fraud scoring (gradient-boosted trees + GPU embedding model).",
  labels: { tier: "1" },
  metrics: [confidenceScores],
  alerts: [
    alert.threshold("ModelLatencyHigh", {
      query: p95Latency(MODEL),
      P0: "> 1s for 2m",
      P1: "> 200ms for 5m",
      P2: "> 100ms for 15m",
      summary: "{{ $labels.model }} p95 prediction latency is {{ $value | humanizeDuration }}",
      description:
        "The p95 latency SLO is 100 ms. Above 500 ms payments are authorized without a fraud score. " +
        "Check the feature-store latency and GPU saturation of the model servers first.",
      runbook: `${RUNBOOKS}/latency`,
    }),

    alert.threshold("ModelSlowPredictions", {
      query: latency.fractionOver("500ms", "5m", { by: ["model"] }),
      P1: "> 1% for 5m",
      P2: "> 0.2% for 15m",
      summary: "{{ $value | humanizePercentage }} of {{ $labels.model }} predictions miss the 500ms payment deadline",
      description:
        "These payments were authorized on static rules only, without a fraud score. " +
        "Scale out the model servers or shed the shadow traffic of candidate versions.",
      runbook: `${RUNBOOKS}/slow-predictions`,
    }),

    alert.threshold("ModelErrorRateHigh", {
      query: serverErrorRatio(MODEL),
      P0: "> 5% for 2m",
      P1: "> 1% for 5m",
      P2: "> 0.5% for 15m",
      summary: "{{ $labels.model }} fails {{ $value | humanizePercentage }} of predictions",
      description:
        "Server-side prediction errors (invalid requests excluded); the error budget is 0.1%. " +
        "Break it down with sum by (version, reason) (rate(model_prediction_errors_total{model=\"fraud-detection\"}[5m])).",
      runbook: `${RUNBOOKS}/errors`,
    }),

    alert.threshold("ModelAccuracyDrop", {
      query: accuracyDrop(MODEL),
      // A drop of 5% or more rolls the model back if a new version was promoted recently; the P0
      // carries the label too, because a firing P0 inhibits the P1 and with it the rollback hook.
      P0: { op: ">", value: "10%", for: "15m", labels: { remediation: "rollback" } },
      P1: { op: ">", value: "5%", for: "30m", labels: { remediation: "rollback" } },
      P2: "> 2% for 2h",
      summary: "{{ $labels.model }} {{ $labels.version }} online accuracy is {{ $value | humanizePercentage }} below its 7-day baseline",
      description:
        "Compared with the model's average accuracy over the 7 days ending yesterday. " +
        "P0 and P1 ask the deploy controller to roll back a version promoted in the last 7 days.",
      runbook: `${RUNBOOKS}/accuracy-drop`,
    }),

    alert.threshold("ModelLowConfidence", {
      query: predictionConfidence.where({ model: MODEL }).avg({ by: ["model", "version"] }),
      P2: "< 60% for 30m",
      P3: "< 70% for 1h",
      summary: "{{ $labels.model }} {{ $labels.version }} mean prediction confidence is {{ $value | humanizePercentage }}",
      description:
        "Low confidence usually precedes an accuracy drop by days, before ground truth arrives: " +
        "look for input drift (model_feature_drift_psi) and stale features.",
      runbook: `${RUNBOOKS}/low-confidence`,
    }),

    alert.threshold("ModelGpuSaturated", {
      query: gpuUtilization.where({ model: MODEL }).avg({ by: ["model"] }),
      P2: "> 95% for 15m",
      P3: "> 80% for 30m",
      summary: "{{ $labels.model }} GPUs are {{ $value | humanizePercentage }} busy on average",
      description: "Average over all GPUs of the model's servers. Sustained saturation turns into latency; add replicas.",
      runbook: `${RUNBOOKS}/gpu-saturation`,
    }),
  ],
  slos: [
    latencySlo,
    availabilitySlo,
  ],
  // Below the generated rows of the model's dashboard: what the payments team asks about first.
  panels: [
    row("Payments", [
      // Over the dashboard's time range: pick "last 7 days" for the weekly review.
      panel.stat("Payments scored without a fraud score", {
        query: latency.fractionOver("500ms", "$__range"),
        thresholds: [{ value: "0.2%", severity: "P2" }, { value: "1%", severity: "P1" }],
      }),
      panel.timeseries("Scores per second by version", {
        query: { query: predictions.where({ model: MODEL }).rate("$__rate_interval").sum({ by: ["version"] }), legend: "{{version}}" },
        unit: "reqps",
      }),
    ]),
  ],
  monitors: [
    // Input drift shows before accuracy drops: ground truth (chargebacks) arrives weeks later.
    monitor.drift("ModelFeatureDrift", {
      histogram: featureValue.where({ model: MODEL }),
      by: ["model", "feature"],
      threshold: 0.2,
      minCount: 500,
      for: "15m",
      summary: "{{ $labels.model }} input feature {{ $labels.feature }} drifted from last week (PSI {{ $value | printf \"%.2f\" }})",
      runbook: `${RUNBOOKS}/feature-drift`,
    }),
  ],
});
