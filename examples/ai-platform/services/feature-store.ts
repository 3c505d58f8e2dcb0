// The feature store every model reads its online features from, and the batch/streaming pipelines
// that fill it. A stale or slow feature store degrades all three models at once, silently: they
// keep answering, just with worse inputs. SRE owns it; the models' teams see its effects.

import { alert, counter, errorRatio, gauge, histogram, service, slo } from "moncc";
import { sre } from "../teams.ts";
import { featureFreshness } from "../metrics.ts";

const RUNBOOKS = "https://runbooks.example.com/ai-platform/feature-store";

const requestDuration = histogram("feature_store_request_duration_seconds", {
  help: "Online feature-store lookups, by store and operation.",
  unit: "s",
  labels: ["store", "operation"],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
});

const pipelineRuns = counter("feature_pipeline_runs_total", {
  help: "Feature pipeline runs that finished, by final status (succeeded, failed).",
  unit: "count",
  labels: ["pipeline", "status"],
});

const rowsIngested = counter("feature_pipeline_rows_total", {
  help: "Rows a feature pipeline read from its sources.",
  unit: "count",
  labels: ["pipeline"],
});

const rowsRejected = counter("feature_pipeline_rows_rejected_total", {
  help: "Rows a feature pipeline dropped because they failed a data-quality check.",
  unit: "count",
  labels: ["pipeline", "check"],
});

const onlineStoreMemory = gauge("feature_store_online_memory_utilization_ratio", {
  help: "Memory used by an online-store node, as a share of its maxmemory setting.",
  unit: "ratio",
  labels: ["store", "instance"],
});

/** Prometheus' own per-target health series. */
const up = gauge("up", { help: "1 if the target's last scrape succeeded, else 0.", unit: "ratio", labels: ["job", "instance"] });

export const featureStore = service("feature-store", {
  owner: sre,
  description: "Online feature store (Redis cluster) and the Spark/Flink pipelines that materialize features into it.",
  labels: { tier: "1" },
  alerts: [
    alert.threshold("FeatureStoreStreamingStale", {
      query: featureFreshness.where({ cadence: "streaming" }).max({ by: ["feature_view"] }),
      P1: "> 15m for 5m",
      P2: "> 5m for 10m",
      summary: "Streaming feature view {{ $labels.feature_view }} was last updated {{ $value | humanizeDuration }} ago",
      description:
        "Streaming views (card velocity, session features) normally lag by seconds. Models keep serving " +
        "with stale features and lose accuracy without erroring; check the Flink job of the view.",
      runbook: `${RUNBOOKS}/stale-streaming-features`,
    }),

    alert.threshold("FeatureStoreBatchStale", {
      query: featureFreshness.where({ cadence: "daily" }).max({ by: ["feature_view"] }),
      // A daily view is up to 24h old by design; past 26h a materialization run was missed.
      P2: "> 26h for 15m",
      summary: "Daily feature view {{ $labels.feature_view }} was last materialized {{ $value | humanizeDuration }} ago",
      description: "The nightly materialization of the view did not land; models read yesterday's values. See FeaturePipelineFailing.",
      runbook: `${RUNBOOKS}/stale-batch-features`,
    }),

    alert.threshold("FeatureStoreLatencyHigh", {
      query: requestDuration.where({ operation: "get_online_features" }).quantile(0.99, "5m", { by: ["store"] }),
      P1: "> 100ms for 5m",
      P2: "> 50ms for 15m",
      summary: "Online feature lookups on {{ $labels.store }} take {{ $value | humanizeDuration }} at p99",
      description: "Feature lookups are part of every prediction; fraud detection has 100 ms for its whole p95.",
      runbook: `${RUNBOOKS}/lookup-latency`,
    }),

    alert.threshold("FeaturePipelineFailing", {
      query: errorRatio(pipelineRuns.where({ status: "failed" }), pipelineRuns, "3h", { by: ["pipeline"] }),
      // Every run of the last 3 hours failed: the pipeline is down, and its features go stale.
      P0: ">= 100% for 15m",
      P2: "> 20% for 30m",
      summary: "{{ $value | humanizePercentage }} of {{ $labels.pipeline }} runs failed in the last 3h",
      description: "Share of finished runs that failed. A complete failure stops feature updates for every model that reads them.",
      runbook: `${RUNBOOKS}/pipeline-failures`,
    }),

    alert.threshold("FeatureDataQualityDegraded", {
      query: errorRatio(rowsRejected, rowsIngested, "1h", { by: ["pipeline"] }),
      P2: "> 20% for 30m",
      P3: "> 5% for 2h",
      summary: "{{ $labels.pipeline }} rejects {{ $value | humanizePercentage }} of its input rows",
      description:
        "Rows failing data-quality checks are dropped before materialization. " +
        "Break it down with sum by (check) (rate(feature_pipeline_rows_rejected_total[1h])).",
      runbook: `${RUNBOOKS}/data-quality`,
    }),

    alert.threshold("FeatureStoreMemoryHigh", {
      query: onlineStoreMemory.max({ by: ["store", "instance"] }),
      P1: "> 90% for 5m",
      P2: "> 75% for 30m",
      summary: "Online store node {{ $labels.instance }} ({{ $labels.store }}) is at {{ $value | humanizePercentage }} of maxmemory",
      description: "At maxmemory the store evicts keys, and evicted features are served as defaults.",
      runbook: `${RUNBOOKS}/memory`,
    }),
  ],
  slos: [
    // Batch pipelines run a few times an hour: a weekly period reacts faster than 30d would.
    slo.ratio("pipeline-success", {
      errors: pipelineRuns.where({ status: "failed" }),
      total: pipelineRuns,
      objective: "99%",
      period: "7d",
      description: "99% of feature pipeline runs succeed, over a rolling week.",
      alerting: { runbook: "https://runbooks.example.com/ai-platform/feature-store/pipeline-slo" },
      noData: { for: "3h" },
    }),
    // Scrape-based availability of the online store's replicas (up is 1 while a target answers).
    slo.availability("online-store-up", {
      gauge: up.where({ job: "feature-store-online" }),
      objective: "99.95%",
      description: "The online feature store's replicas answer their scrapes 99.95% of the time.",
      alerting: { runbook: "https://runbooks.example.com/ai-platform/feature-store/availability-slo" },
    }),
  ],
});
