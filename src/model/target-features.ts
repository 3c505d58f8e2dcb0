// Which Prometheus and Alertmanager versions have each feature moncc can emit: one table for the
// checks that gate definitions on the declared targets and for the generators that pick a spelling
// by target. Sources (changelogs, pull requests, the local promtool/amtool) are listed per row in
// docs/target-versions.md.

export interface Version {
  readonly major: number;
  readonly minor: number;
}

export function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function atLeast(version: Version, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** The oldest Alertmanager moncc generates config for. */
export const MIN_ALERTMANAGER = "0.25";

export interface TargetFeature {
  readonly product: "prometheus" | "alertmanager";
  /** The key or construct in the generated config. */
  readonly config: string;
  /** First release that has it, "MAJOR.MINOR". */
  readonly since: string;
  /** First release that no longer has it. */
  readonly removedIn?: string;
  readonly note: string;
}

export const TARGET_FEATURES = {
  ruleGroupLimit: { product: "prometheus", config: "rule group `limit`", since: "2.31", note: "most alerts or series a rule of the group may produce" },
  keepFiringFor: { product: "prometheus", config: "alerting rule `keep_firing_for`", since: "2.42", note: "keeps an alert firing after its condition clears" },
  ruleGroupQueryOffset: { product: "prometheus", config: "rule group `query_offset`", since: "2.53", note: "evaluates the group's rules this far in the past" },
  ruleGroupLabels: { product: "prometheus", config: "rule group `labels`", since: "3.0", note: "labels added to every rule of the group" },
  routeMatchers: { product: "alertmanager", config: "`matchers`, `source_matchers`, `target_matchers`", since: "0.22", note: "matcher strings instead of match/match_re" },
  slackApiUrlFile: { product: "alertmanager", config: "slack `api_url_file`", since: "0.22", note: "webhook URL read from a file" },
  timeIntervals: { product: "alertmanager", config: "top-level `time_intervals`", since: "0.24", note: "replaces the deprecated top-level mute_time_intervals" },
  activeTimeIntervals: { product: "alertmanager", config: "route `active_time_intervals`", since: "0.24", note: "notify only inside the intervals" },
  opsgenieApiKeyFile: { product: "alertmanager", config: "opsgenie `api_key_file`", since: "0.24", note: "API key read from a file" },
  pagerdutyKeyFile: { product: "alertmanager", config: "pagerduty `routing_key_file`", since: "0.25", note: "routing key read from a file" },
  emailAuthPasswordFile: { product: "alertmanager", config: "email `auth_password_file`", since: "0.25", note: "SMTP password read from a file" },
  webhookUrlFile: { product: "alertmanager", config: "webhook `url_file`", since: "0.26", note: "endpoint URL read from a file" },
  utf8Matchers: { product: "alertmanager", config: "quoted label names in matchers (`\"a.b\"=\"c\"`)", since: "0.27", note: "the UTF-8 matcher parser; older releases only read [a-zA-Z_][a-zA-Z0-9_]* names" },
} as const satisfies Record<string, TargetFeature>;

export type FeatureId = keyof typeof TARGET_FEATURES;

export interface Targets {
  readonly prometheus: string;
  readonly alertmanager: string;
}

/** Whether the declared target has the feature; undefined when that target version does not parse. */
export function targetHas(targets: Targets, id: FeatureId): boolean | undefined {
  const feature: TargetFeature = TARGET_FEATURES[id];
  const version = parseVersion(targets[feature.product]);
  if (!version) return undefined;
  const since = parseVersion(feature.since)!;
  const removed = feature.removedIn !== undefined ? parseVersion(feature.removedIn) : undefined;
  return atLeast(version, since.major, since.minor) && !(removed && atLeast(version, removed.major, removed.minor));
}

/** "Prometheus 2.53" or "Alertmanager 0.26": the release a feature needs, for messages. */
export function neededRelease(id: FeatureId): string {
  const feature = TARGET_FEATURES[id];
  return `${feature.product === "prometheus" ? "Prometheus" : "Alertmanager"} ${feature.since}`;
}
