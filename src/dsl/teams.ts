// Teams own receivers and a routing policy: which receivers get which severity, how often a
// firing alert repeats (escalation), and extra label-matched routes such as remediation hooks.

import { captureCallSite, type CallSite } from "./span.js";
import type { Duration } from "./promql.js";
import type { Severity } from "./alerts.js";
import type { LabelValue } from "./metrics.js";
import type { Receiver } from "./receivers.js";

export interface TimeInterval {
  readonly kind: "time-interval";
  readonly name: string;
  /** IANA time zone, e.g. "Europe/Berlin". Required: a missing location silently means UTC. */
  readonly location: string;
  readonly weekdays?: readonly string[];
  readonly times?: readonly { readonly start: string; readonly end: string }[];
  readonly daysOfMonth?: readonly string[];
  readonly months?: readonly string[];
  readonly span: CallSite | undefined;
}

export function timeInterval(name: string, options: Omit<TimeInterval, "kind" | "name" | "span">): TimeInterval {
  return { kind: "time-interval", name, ...options, span: captureCallSite() };
}

export interface EscalationStep<K extends string> {
  /** Receivers, by the team's receiver keys, notified in this order. */
  readonly notify: readonly K[];
  /** How often a still-firing alert is sent again (Alertmanager repeat_interval). */
  readonly repeat?: Duration;
  readonly groupWait?: Duration;
  readonly groupInterval?: Duration;
  /** Notify only during these time intervals (e.g. business hours). */
  readonly activeDuring?: readonly (TimeInterval | string)[];
  /** Never notify during these time intervals. */
  readonly mutedDuring?: readonly (TimeInterval | string)[];
}

export interface CustomRoute<K extends string> {
  /** Label matchers; every alert of the team whose labels match is routed here too. */
  readonly match: Readonly<Record<string, LabelValue>>;
  readonly notify: readonly K[];
  /** Keep evaluating the severity routes after this one (default true). */
  readonly continue?: boolean;
  readonly groupBy?: readonly string[];
  /** e.g. "30m" on a retrain hook, so per-feature drift alerts batch into one request. */
  readonly groupWait?: Duration;
  readonly groupInterval?: Duration;
  readonly repeat?: Duration;
}

/**
 * While an alert of the team matching `source` fires, alerts of the team matching `target` are
 * muted, for every receiver. `equal` names labels both must share (e.g. the same instance).
 */
export interface InhibitRule {
  readonly source: Readonly<Record<string, LabelValue>>;
  readonly target: Readonly<Record<string, LabelValue>>;
  readonly equal?: readonly string[];
}

export interface TeamOptions<R extends Record<string, Receiver>> {
  readonly receivers: R;
  readonly escalation: { readonly [S in Severity]?: EscalationStep<keyof R & string> };
  readonly routes?: readonly CustomRoute<keyof R & string>[];
  /** Inhibit rules within the team, generated after moncc's own. */
  readonly inhibit?: readonly InhibitRule[];
  readonly groupBy?: readonly string[];
  readonly groupWait?: Duration;
  readonly groupInterval?: Duration;
  readonly repeat?: Duration;
  /** Notifications per day the team accepts across its receivers; `moncc backtest` warns above it (MON604). */
  readonly alertBudget?: AlertBudget;
}

export interface AlertBudget {
  readonly perDay: number;
}

export interface ReceiverRef {
  readonly kind: "receiver-ref";
  readonly team: string;
  readonly receiver: string;
  readonly span: CallSite | undefined;
}

export interface Team<R extends Record<string, Receiver> = Record<string, Receiver>> extends TeamOptions<R> {
  readonly kind: "team";
  readonly name: string;
  readonly span: CallSite | undefined;
  /** A typed reference to one of this team's receivers, e.g. for the project's default receiver. */
  receiver(key: keyof R & string): ReceiverRef;
}

export function team<const R extends Record<string, Receiver>>(name: string, options: TeamOptions<R>): Team<R> {
  return {
    kind: "team",
    name,
    ...options,
    span: captureCallSite(),
    receiver: (key) => ({ kind: "receiver-ref", team: name, receiver: key, span: captureCallSite() }),
  };
}
