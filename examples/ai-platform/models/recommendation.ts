// Product recommendations for the shop's home and product pages. Not on a critical path: when the
// model is slow or down the page falls back to "popular items", so nothing here is a P0. Its inputs
// drift with the catalogue and the seasons, so feature drift triggers retraining.

import { alert, service, slo } from "moncc";
import { dataScience } from "../teams.ts";
import {
  accuracyDrop, predictionErrors, predictions, SERVER_SIDE_ERRORS, featureDrift, gpuUtilization, p95Latency, serverErrorRatio,
} from "../metrics.ts";

const MODEL = "recommendation";
const RUNBOOKS = "https://runbooks.example.com/ai-platform/recommendation";

export const recommendation = service(MODEL, {
  owner: dataScience,
  description: "Two-tower retrieval plus GPU re-ranking for home-page and product-page recommendations.",
  labels: { tier: "2" },
  alerts: [
    alert.threshold("ModelLatencyHigh", {
      query: p95Latency(MODEL),
      P1: "> 500ms for 10m",
      P2: "> 200ms for 15m",
      summary: "{{ $labels.model }} p95 prediction latency is {{ $value | humanizeDuration }}",
      description: "The page gives up after 500 ms and shows popular items instead; above that, recommendations are effectively off.",
      runbook: `${RUNBOOKS}/latency`,
    }),

    alert.threshold("ModelErrorRateHigh", {
      query: serverErrorRatio(MODEL),
      P1: "> 5% for 5m",
      P2: "> 1% for 15m",
      summary: "{{ $labels.model }} fails {{ $value | humanizePercentage }} of predictions",
      description: "Failed requests fall back to popular items, which convert about 30% worse.",
      runbook: `${RUNBOOKS}/errors`,
    }),

    alert.threshold("ModelAccuracyDrop", {
      query: accuracyDrop(MODEL),
      P1: { op: ">", value: "10%", for: "1h", labels: { remediation: "rollback" } },
      P2: "> 5% for 2h",
      summary: "{{ $labels.model }} {{ $labels.version }} hit rate is {{ $value | humanizePercentage }} below its 7-day baseline",
      description:
        "Online accuracy here is the click-through hit rate of the top 10 items. " +
        "P1 asks the deploy controller to roll back a version promoted in the last 7 days.",
      runbook: `${RUNBOOKS}/accuracy-drop`,
    }),

    alert.threshold("FeatureDriftDetected", {
      query: featureDrift.where({ model: MODEL }).max({ by: ["model", "feature"] }),
      // PSI above 0.2 is a significant shift: retrain on recent data. Between 0.1 and 0.2, review.
      P2: { op: ">", value: 0.2, for: "1h", labels: { remediation: "retrain" } },
      P3: "> 0.1 for 6h",
      summary: "{{ $labels.model }} input feature {{ $labels.feature }} drifted (PSI {{ $value | printf \"%.2f\" }})",
      description: "Population Stability Index of the feature over the last hour of traffic against the training set.",
      runbook: `${RUNBOOKS}/feature-drift`,
    }),

    alert.threshold("ModelGpuSaturated", {
      query: gpuUtilization.where({ model: MODEL }).avg({ by: ["model"] }),
      P2: "> 95% for 15m",
      P3: "> 80% for 30m",
      summary: "{{ $labels.model }} GPUs are {{ $value | humanizePercentage }} busy on average",
      description: "Average over all GPUs of the re-ranking servers. Sustained saturation turns into latency; add replicas.",
      runbook: `${RUNBOOKS}/gpu-saturation`,
    }),
  ],
  slos: [
    // Reviewed every four weeks with the product team, so the period is 28d.
    slo.ratio("recommendation-availability", {
      errors: predictionErrors.where({ model: MODEL, reason: SERVER_SIDE_ERRORS }),
      total: predictions.where({ model: MODEL }),
      objective: "99.5%",
      period: "28d",
      description: "99.5% of recommendation requests succeed; failures fall back to popular items.",
      alerting: { runbook: "https://runbooks.example.com/ai-platform/recommendation/availability-slo" },
    }),
  ],
});
