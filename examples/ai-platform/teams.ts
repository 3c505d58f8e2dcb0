// Who gets told, how, and how often. Every team follows the same escalation shape (P0/P1 page the
// on-call and post to chat, P2 goes to chat, P3 becomes a ticket during business hours); they differ
// in paging provider and in the remediation hooks they run.
//
// Secrets (Slack webhook URLs, routing keys, API keys, SMTP password) live in files mounted into
// the Alertmanager pod; only their paths appear here and in the generated config.

import { email, opsgenie, pagerduty, slack, team, timeInterval, webhook } from "moncc";

const SECRETS = "/etc/alertmanager/secrets";

/** P3 tickets are only sent while someone is there to pick them up. */
export const businessHours = timeInterval("business-hours", {
  location: "Europe/Berlin",
  weekdays: ["monday:friday"],
  times: [{ start: "09:00", end: "17:00" }],
});

/**
 * Every team escalates the same way: P0/P1 page the on-call and post to chat, P2 goes to chat, P3
 * becomes a ticket during business hours. It type-checks against each team's receivers, so a team
 * without a "page", "chat" or "ticket" receiver could not use it.
 */
const standardEscalation = {
  P0: { notify: ["page", "chat"], groupWait: "10s", repeat: "30m" },
  P1: { notify: ["page", "chat"], repeat: "1h" },
  P2: { notify: ["chat"], repeat: "4h" },
  P3: { notify: ["ticket"], repeat: "24h", activeDuring: [businessHours] },
} as const;

const smtp = {
  from: "alertmanager@ai-platform.example.com",
  smarthost: "smtp.example.com:587",
  authUsername: "alertmanager",
  authPasswordFile: `${SECRETS}/smtp-password`,
} as const;

/** Owns the model-serving platform and the fraud-detection and customer-risk models. */
export const mlPlatform = team("ml-platform", {
  receivers: {
    page: pagerduty({ routingKeyFile: `${SECRETS}/pagerduty-ml-platform` }),
    chat: slack({ channel: "#ml-platform-alerts", apiUrlFile: `${SECRETS}/slack-ml-platform` }),
    ticket: email({ to: "ml-platform-tickets@example.com", ...smtp }),
    // Deploy controller: rolls the model named in the alert back to its previous version if that
    // version was promoted within the last 7 days; otherwise it only annotates the incident.
    rollback: webhook({
      url: "http://model-deployer.ml-platform.svc.cluster.local:8080/hooks/alertmanager/rollback",
      sendResolved: false,
    }),
  },
  escalation: standardEscalation,
  routes: [
    // Alerts labelled remediation="rollback" also trigger the deploy controller, once per model;
    // humans are still notified by the severity routes.
    { match: { remediation: "rollback" }, notify: ["rollback"], groupBy: ["model"], repeat: "24h", continue: true },
  ],
});

/** Owns the recommendation model, its training pipelines and drift monitoring. */
export const dataScience = team("data-science", {
  receivers: {
    page: opsgenie({
      apiKeyFile: `${SECRETS}/opsgenie-data-science`,
      responders: [{ type: "team", name: "data-science-oncall" }],
    }),
    chat: slack({ channel: "#data-science-alerts", apiUrlFile: `${SECRETS}/slack-data-science` }),
    ticket: email({ to: "data-science-tickets@example.com", ...smtp }),
    rollback: webhook({
      url: "http://model-deployer.ml-platform.svc.cluster.local:8080/hooks/alertmanager/rollback",
      sendResolved: false,
    }),
    // Training orchestrator: starts a retraining run of the model named in the alert on fresh data.
    retrain: webhook({
      url: "http://training-orchestrator.data-science.svc.cluster.local:8080/hooks/alertmanager/retrain",
      sendResolved: false,
    }),
  },
  escalation: standardEscalation,
  routes: [
    { match: { remediation: "rollback" }, notify: ["rollback"], groupBy: ["model"], repeat: "24h", continue: true },
    // All drifting features of one model become one retraining request a day.
    { match: { remediation: "retrain" }, notify: ["retrain"], groupBy: ["model"], repeat: "24h", continue: true },
  ],
});

/** Owns the shared data infrastructure: feature pipelines and the online feature store. */
export const sre = team("sre", {
  receivers: {
    page: pagerduty({ routingKeyFile: `${SECRETS}/pagerduty-sre` }),
    chat: slack({ channel: "#sre-alerts", apiUrlFile: `${SECRETS}/slack-sre` }),
    ticket: email({ to: "sre-tickets@example.com", ...smtp }),
  },
  escalation: standardEscalation,
});
