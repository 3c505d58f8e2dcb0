// The shared model-serving platform. It has no alerts of its own (each model alerts with its own
// thresholds); it records the fleet-wide series the dashboards and SLO reports read, once for all
// models, named level:metric:operations.

import { errorRatio, record, service } from "moncc";
import { mlPlatform } from "../teams.ts";
import { predictionErrors, predictionLatency, predictions, SERVER_SIDE_ERRORS } from "../metrics.ts";

export const modelServing = service("model-serving", {
  owner: mlPlatform,
  description: "Shared inference platform: model servers, the serving sidecar and the GPU node pool.",
  rules: [
    record("model_version:model_predictions:rate5m", predictions.rate("5m").sum({ by: ["model", "version"] })),
    record(
      "model:model_prediction_errors:ratio_rate5m",
      errorRatio(predictionErrors.where({ reason: SERVER_SIDE_ERRORS }), predictions, "5m", { by: ["model"] }),
    ),
    record("model:model_prediction_latency_seconds:p95_5m", predictionLatency.quantile(0.95, "5m", { by: ["model"] })),
    record("model:model_prediction_latency_seconds:p99_5m", predictionLatency.quantile(0.99, "5m", { by: ["model"] })),
  ],
});
