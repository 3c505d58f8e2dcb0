// ai-platform: monitoring for the company's model-serving platform. Three production models
// (fraud detection, recommendation, customer risk), the shared serving platform and the feature
// store, owned by three teams.
//
//   teams.ts                     receivers, escalation per severity, remediation hooks
//   metrics.ts                   metrics every model server exposes, shared query helpers
//   models/*.ts                  one service per model, thresholds per model
//   services/*.ts                shared platform services
//   dashboards/*.ts              dashboards of our own, besides the generated ones
//
// Severities (same meaning for every team):
//   P0  service disruption, act now        → page + chat, repeated every 30m
//   P1  urgent, act within the hour        → page + chat, repeated hourly
//   P2  act within 4 hours                 → chat
//   P3  scheduled review                   → ticket, business hours only

import { project } from "moncc";
import { businessHours, dataScience, mlPlatform, sre } from "./teams.ts";
import { customerRisk } from "./models/customer-risk.ts";
import { fraudDetection } from "./models/fraud-detection.ts";
import { recommendation } from "./models/recommendation.ts";
import { modelComparison } from "./dashboards/model-comparison.ts";
import { featureStore } from "./services/feature-store.ts";
import { modelServing } from "./services/model-serving.ts";

export default project({
  name: "ai-platform",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [mlPlatform, dataScience, sre],
  services: [modelServing, fraudDetection, recommendation, customerRisk, featureStore],
  timeIntervals: [businessHours],
  dashboards: [modelComparison],
  // Alerts no team claims (a missing or misspelled team label) land in SRE's channel, not nowhere.
  defaultReceiver: sre.receiver("chat"),
  routing: {
    groupBy: ["alertname", "service"],
    groupWait: "30s",
    groupInterval: "5m",
    repeat: "4h",
  },
  policy: {
    requireRunbook: ["P0", "P1"],
    inhibitLowerSeverities: true,
  },
});
