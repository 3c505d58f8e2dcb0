// Notification receivers. Secrets are referenced by file path only (`*File` options); the model
// rejects inline secrets, so a routing key never lands in generated YAML.

import { captureCallSite, type CallSite } from "./span.js";

export interface SlackOptions {
  readonly channel: string;
  /** File holding the Slack incoming-webhook URL. */
  readonly apiUrlFile: string;
  readonly sendResolved?: boolean;
  readonly username?: string;
}

export interface PagerDutyOptions {
  /** File holding the Events API v2 routing key. */
  readonly routingKeyFile: string;
  readonly sendResolved?: boolean;
}

export interface WebhookOptions {
  /** Endpoint URL. Must not carry credentials; use `bearerTokenFile` or `urlFile` for those. */
  readonly url?: string;
  /** File holding the URL (Alertmanager 0.26 or later). */
  readonly urlFile?: string;
  readonly bearerTokenFile?: string;
  readonly sendResolved?: boolean;
  /** Maximum alerts per message; 0 means all. */
  readonly maxAlerts?: number;
}

export interface EmailOptions {
  readonly to: string;
  readonly from: string;
  /** SMTP server as host:port. */
  readonly smarthost: string;
  readonly authUsername?: string;
  readonly authPasswordFile?: string;
  readonly sendResolved?: boolean;
}

export interface OpsgenieOptions {
  /** File holding the Opsgenie API key. */
  readonly apiKeyFile: string;
  readonly responders?: readonly { readonly type: "team" | "user" | "escalation" | "schedule"; readonly name: string }[];
  readonly sendResolved?: boolean;
}

export type ReceiverType = "slack" | "pagerduty" | "webhook" | "email" | "opsgenie";

export interface Receiver<T extends ReceiverType = ReceiverType> {
  readonly kind: "receiver";
  readonly type: T;
  readonly options: Readonly<Record<string, unknown>>;
  readonly span: CallSite | undefined;
}

function receiver<T extends ReceiverType>(type: T, options: object): Receiver<T> {
  return { kind: "receiver", type, options: { ...options }, span: captureCallSite() };
}

export const slack = (options: SlackOptions): Receiver<"slack"> => receiver("slack", options);
export const pagerduty = (options: PagerDutyOptions): Receiver<"pagerduty"> => receiver("pagerduty", options);
export const webhook = (options: WebhookOptions): Receiver<"webhook"> => receiver("webhook", options);
export const email = (options: EmailOptions): Receiver<"email"> => receiver("email", options);
export const opsgenie = (options: OpsgenieOptions): Receiver<"opsgenie"> => receiver("opsgenie", options);
