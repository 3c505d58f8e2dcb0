// Metrics every model server on the platform exposes. The serving runtime (a shared sidecar) exports
// them with the same names and labels for every model, so alerts differ per model only in the
// `model` matcher and the thresholds.
//
// Utilizations and accuracies are ratios (0..1). Thresholds are written as "85%" and moncc converts
// them to 0.85, so a rule can never compare a ratio against 85.

import { counter, errorRatio, gauge, histogram, promql } from "moncc";

/** End-to-end prediction latency at the model server, feature lookup included. */
export const predictionLatency = histogram("model_prediction_latency_seconds", {
  help: "Time from request received to prediction returned, including online feature lookup.",
  unit: "s",
  labels: ["model", "version"],
  // 50 ms / 100 ms / 200 ms / 500 ms are the SLO and alert boundaries; keep them as buckets so
  // fractionOver() can select them exactly.
  buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
});

export const predictions = counter("model_predictions_total", {
  help: "Prediction requests answered, successful or not.",
  unit: "predictions",
  labels: ["model", "version"],
});

/**
 * Failed predictions. `reason` is one of "invalid_request" (the caller's fault), "feature_lookup",
 * "inference", "timeout". Invalid requests do not count against the model.
 */
export const predictionErrors = counter("model_prediction_errors_total", {
  help: "Prediction requests that failed, by failure reason.",
  unit: "errors",
  labels: ["model", "version", "reason"],
});

/** Errors that are the serving stack's fault: everything but malformed client requests. */
export const SERVER_SIDE_ERRORS = { not: "invalid_request" } as const;

/**
 * Accuracy over the most recent labelled predictions (sliding window of 10k ground-truth joins),
 * per model version.
 */
export const onlineAccuracy = gauge("model_online_accuracy_ratio", {
  help: "Share of recent labelled predictions that were correct (sliding window of 10k).",
  unit: "ratio",
  labels: ["model", "version"],
});

/** Mean top-class probability of the predictions served in the last minute. */
export const predictionConfidence = gauge("model_prediction_confidence_ratio", {
  help: "Mean confidence (top-class probability) of predictions served in the last minute.",
  unit: "ratio",
  labels: ["model", "version"],
});

/**
 * Top-class probability of each prediction. Its distribution (a heatmap on the model's dashboard)
 * shows a model growing unsure long before labelled accuracy can.
 */
export const confidenceScores = histogram("model_prediction_confidence", {
  help: "Top-class probability of each prediction served.",
  unit: "ratio",
  labels: ["model", "version"],
  buckets: [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99],
});

/** Population Stability Index of each input feature, live traffic vs. the training set. */
export const featureDrift = gauge("model_feature_drift_psi", {
  help: "Population Stability Index of an input feature, last hour of traffic vs. training data.",
  unit: "score",
  labels: ["model", "feature"],
});

/**
 * Input feature values at prediction time, scaled to 0..1 by the feature pipeline. Drift monitors
 * compare its bucket distribution with the same hour a week earlier.
 */
export const featureValue = histogram("model_feature_value", {
  help: "Input feature values at prediction time, scaled to 0..1.",
  labels: ["model", "feature"],
  buckets: [0.25, 0.5, 0.75, 1],
});

export const cpuUtilization = gauge("model_server_cpu_utilization_ratio", {
  help: "CPU used by a model server pod, as a share of its CPU limit.",
  unit: "ratio",
  labels: ["model", "instance"],
});

export const memoryUtilization = gauge("model_server_memory_utilization_ratio", {
  help: "Working-set memory of a model server pod, as a share of its memory limit.",
  unit: "ratio",
  labels: ["model", "instance"],
});

export const gpuUtilization = gauge("model_server_gpu_utilization_ratio", {
  help: "Share of time a GPU of a model server pod was busy over the last sample period.",
  unit: "ratio",
  labels: ["model", "instance", "gpu"],
});

/**
 * Age of the newest materialized value of a feature view in the online store. `cadence` is how the
 * view is materialized: "streaming" or "daily".
 */
export const featureFreshness = gauge("feature_store_freshness_seconds", {
  help: "Seconds since the newest value of a feature view was materialized into the online store.",
  unit: "s",
  labels: ["feature_view", "store", "cadence"],
});

/**
 * Relative drop of a model's online accuracy, per serving version, against the model's own 7-day
 * average ending a day ago: 0.05 means 5% worse than usual. The day of offset keeps a version
 * rolled out in the last 24 hours out of its own baseline. No baseline (a new model) means no
 * result, not an alert.
 */
export function accuracyDrop(model: string) {
  const accuracy = onlineAccuracy.where({ model });
  return promql`1 - (avg by (model, version) (${accuracy}) / on (model) group_left () avg by (model) (avg_over_time(${accuracy}[7d] offset 1d)))`.withUnit("ratio");
}

// Queries every model's alerts share: plain functions, so each model file only picks thresholds.

/** p95 prediction latency of one model over 5 minutes, in seconds. */
export function p95Latency(model: string) {
  return predictionLatency.where({ model }).quantile(0.95, "5m", { by: ["model"] });
}

/** Share of one model's predictions that failed on the server side (invalid requests excluded). */
export function serverErrorRatio(model: string) {
  return errorRatio(
    predictionErrors.where({ model, reason: SERVER_SIDE_ERRORS }),
    predictions.where({ model }),
    "5m",
    { by: ["model"] },
  );
}
