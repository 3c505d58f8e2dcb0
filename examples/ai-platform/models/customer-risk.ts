// Customer risk assessment scores loan and credit-limit applications. It runs on CPU, answers within
// the application flow (a few hundred ms are fine), and is regulated: its decisions must stay fair
// across protected groups, which is monitored like any other production signal.

import { alert, gauge, service } from "moncc";
import { mlPlatform } from "../teams.ts";
import {
  accuracyDrop, cpuUtilization, memoryUtilization, p95Latency, serverErrorRatio,
} from "../metrics.ts";

const MODEL = "customer-risk";
const RUNBOOKS = "https://runbooks.example.com/ai-platform/customer-risk";

/**
 * Approval rate of each protected group divided by the approval rate of the reference group, over
 * the last 24 hours of decisions. Below 0.8 the model breaks the four-fifths rule.
 */
const disparateImpact = gauge("model_fairness_disparate_impact_ratio", {
  help: "Approval rate of a protected group relative to the reference group, last 24h of decisions.",
  unit: "ratio",
  labels: ["model", "version", "protected_attribute", "group"],
});

export const customerRisk = service(MODEL, {
  owner: mlPlatform,
  description: "Credit risk scoring for loan and credit-limit applications (CPU, gradient-boosted trees).",
  labels: { tier: "1" },
  metrics: [disparateImpact],
  alerts: [
    alert.threshold("ModelLatencyHigh", {
      query: p95Latency(MODEL),
      P1: "> 500ms for 5m",
      P2: "> 200ms for 15m",
      summary: "{{ $labels.model }} p95 prediction latency is {{ $value | humanizeDuration }}",
      description: "Applications wait for the score; above 1 s the application front end times out and asks the customer to retry.",
      runbook: `${RUNBOOKS}/latency`,
    }),

    alert.threshold("ModelErrorRateHigh", {
      query: serverErrorRatio(MODEL),
      P0: "> 10% for 2m",
      P1: "> 2% for 5m",
      P2: "> 0.5% for 15m",
      summary: "{{ $labels.model }} fails {{ $value | humanizePercentage }} of predictions",
      description: "Failed scores send applications to manual review, which has a 2-day backlog at 5% of traffic.",
      runbook: `${RUNBOOKS}/errors`,
    }),

    alert.threshold("ModelAccuracyDrop", {
      query: accuracyDrop(MODEL),
      P0: { op: ">", value: "10%", for: "30m", labels: { remediation: "rollback" } },
      P1: { op: ">", value: "5%", for: "1h", labels: { remediation: "rollback" } },
      P2: "> 2% for 4h",
      summary: "{{ $labels.model }} {{ $labels.version }} online accuracy is {{ $value | humanizePercentage }} below its 7-day baseline",
      description:
        "Compared with the model's average accuracy over the 7 days ending yesterday. " +
        "P0 and P1 ask the deploy controller to roll back a version promoted in the last 7 days.",
      runbook: `${RUNBOOKS}/accuracy-drop`,
    }),

    alert.threshold("ModelFairnessViolation", {
      query: disparateImpact.where({ model: MODEL }).min({ by: ["model", "version", "protected_attribute"] }),
      P1: "< 0.8 for 1h",
      P2: "< 0.9 for 6h",
      summary: "{{ $labels.model }} {{ $labels.version }} disparate impact on {{ $labels.protected_attribute }} is {{ $value | printf \"%.2f\" }}",
      description:
        "Approval rate of the least favoured group relative to the reference group. Below 0.8 the model " +
        "breaks the four-fifths rule; compliance must be informed within 24 hours (see runbook).",
      runbook: `${RUNBOOKS}/fairness`,
    }),

    alert.threshold("ModelCpuSaturated", {
      query: cpuUtilization.where({ model: MODEL }).avg({ by: ["model"] }),
      P2: "> 85% for 15m",
      P3: "> 70% for 30m",
      summary: "{{ $labels.model }} servers use {{ $value | humanizePercentage }} of their CPU limit on average",
      description: "Average over all replicas. Above 70% the autoscaler should already be adding pods; check its limits.",
      runbook: `${RUNBOOKS}/cpu-saturation`,
    }),

    alert.threshold("ModelMemoryPressure", {
      query: memoryUtilization.where({ model: MODEL }).max({ by: ["model", "instance"] }),
      P2: "> 90% for 10m",
      P3: "> 75% for 30m",
      summary: "{{ $labels.model }} server {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its memory limit",
      description: "Per pod: the kernel OOM-kills a pod at its limit, dropping its in-flight requests.",
      runbook: `${RUNBOOKS}/memory-pressure`,
    }),
  ],
});
