// alertmanager.yml: the routing tree from the model, inhibition of lower severities and the teams'
// own inhibit rules, receivers (secrets by *_file only), time intervals, and the notification
// templates.

import { ALERTMANAGER_DIR, SERVICE_LABEL, SEVERITY_LABEL, TEAM_LABEL } from "../../model/conventions.js";
import { byText } from "../../model/order.js";
import { buildRoutingTree, walkRoutes, type RouteNode } from "../../model/routing.js";
import type { Matcher, Model, Receiver, Team, TimeInterval } from "../../model/schema.js";
import { GENERATED_HEADER, type GeneratedObject, type GeneratorOutput } from "../artifact.js";
import { withSubject } from "../../diagnostics/subject.js";
import { receiverConfig } from "./receivers.js";
import { NOTIFICATION_TEMPLATE, TEMPLATE_FILE } from "./templates.js";

export const ALERTMANAGER_FILE = `${ALERTMANAGER_DIR}/alertmanager.yml`;

export function generateAlertmanagerConfig(model: Model): GeneratorOutput {
  const objects: GeneratedObject[] = [];
  const file = ALERTMANAGER_FILE;
  const tree = buildRoutingTree(model);
  walkRoutes(tree, (node) => objects.push({ id: node.id, kind: "route", name: node.id, file, span: node.span, content: withSubject(node.id, node.span, () => routeObject(node, false)) }));

  const receivers = model.teams.flatMap((team: Team) => team.receivers).sort((a, b) => byText(a.id, b.id));
  const receiverObjects = receivers.map((r: Receiver) => {
    const content = withSubject(`receiver ${r.id}`, r.span, () => receiverConfig(r));
    objects.push({ id: `receiver/${r.id}`, kind: "receiver", name: r.id, file, span: r.span, content });
    return content;
  });

  const inhibitions = model.policy.inhibitLowerSeverities
    ? model.teams.flatMap((team) => withSubject(`team ${team.name}`, team.span, () => lowerSeverityInhibitions(team, identityLabels(model, team))))
    : [];
  for (const { id, team, rule } of inhibitions) {
    objects.push({ id, kind: "inhibit-rule", name: id, file, span: team.span, content: rule });
  }
  const sloInhibition = model.services.some((svc) => svc.slos.some((slo) => slo.page && slo.ticket)) ? [pageSilencesTicket()] : [];
  for (const rule of sloInhibition) {
    objects.push({ id: "inhibit/slo/page-silences-ticket", kind: "inhibit-rule", name: "slo-page-silences-ticket", file, span: model.span, content: rule });
  }
  const declared = model.teams.flatMap((team) => withSubject(`team ${team.name}`, team.span, () => declaredInhibitions(team)));
  for (const { id, team, rule } of declared) {
    objects.push({ id, kind: "inhibit-rule", name: id, file, span: team.span, content: rule });
  }
  const inhibitRules = [...inhibitions.map((i) => i.rule), ...sloInhibition, ...declared.map((i) => i.rule)];

  const intervals = [...model.timeIntervals].sort((a, b) => byText(a.name, b.name)).map((interval) => {
    const content = withSubject(`time interval ${interval.name}`, interval.span, () => timeIntervalObject(interval));
    objects.push({ id: `time-interval/${interval.name}`, kind: "time-interval", name: interval.name, file, span: interval.span, content });
    return content;
  });

  const config = {
    route: routeObject(tree, true),
    ...(inhibitRules.length > 0 ? { inhibit_rules: inhibitRules } : {}),
    receivers: receiverObjects,
    ...(intervals.length > 0 ? { time_intervals: intervals } : {}),
    templates: [`templates/*.tmpl`],
  };
  return {
    artifacts: [
      { path: file, format: "yaml", content: config, header: GENERATED_HEADER },
      { path: `${ALERTMANAGER_DIR}/${TEMPLATE_FILE}`, format: "text", content: NOTIFICATION_TEMPLATE },
    ],
    objects,
  };
}

/** Fixed key order; `deep` includes child routes. Route order is kept as declared. */
function routeObject(node: RouteNode, deep: boolean): Record<string, unknown> {
  return {
    ...(node.receiver ? { receiver: node.receiver } : {}),
    ...(node.matchers.length > 0 ? { matchers: node.matchers.map(matcherText) } : {}),
    ...(node.groupBy ? { group_by: [...node.groupBy] } : {}),
    ...(node.groupWait ? { group_wait: node.groupWait } : {}),
    ...(node.groupInterval ? { group_interval: node.groupInterval } : {}),
    ...(node.repeatInterval ? { repeat_interval: node.repeatInterval } : {}),
    ...(node.activeTimeIntervals ? { active_time_intervals: [...node.activeTimeIntervals] } : {}),
    ...(node.muteTimeIntervals ? { mute_time_intervals: [...node.muteTimeIntervals] } : {}),
    ...(node.continue ? { continue: true } : {}),
    ...(deep && node.routes.length > 0 ? { routes: node.routes.map((child) => routeObject(child, true)) } : {}),
  };
}

const CLASSIC_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Alertmanager matcher syntax: label, operator, double-quoted value. A label name outside
 * [a-zA-Z_][a-zA-Z0-9_]* is quoted, the only spelling the UTF-8 parser of Alertmanager 0.27 or
 * later reads; older releases cannot read such a name at all, and MON131 rejects those targets.
 */
export function matcherText(m: Matcher): string {
  const label = CLASSIC_LABEL.test(m.label) ? m.label : matcherString(m.label);
  return `${label}${m.op}${matcherString(m.value)}`;
}

/**
 * Only \\, \" and \n are escaped. The classic parser (before 0.27, and still the reading that
 * wins in 0.27+'s default fallback mode when the two parsers disagree) takes any other escape,
 * such as \t, literally; both parsers take unescaped characters as they are.
 */
function matcherString(value: string): string {
  return `"${value.replace(/[\\"\n]/g, (ch) => (ch === "\n" ? "\\n" : `\\${ch}`))}"`;
}

const LOWER = { P0: ["P1", "P2", "P3"], P1: ["P2", "P3"] } as const;

/**
 * The labels that tell one alert instance from another in a team: alertname, service, the labels
 * the team groups notifications by, and every label the team's alert queries keep (e.g. model,
 * version, instance). Labels absent on both sides of an inhibition compare equal, so listing more
 * is safe, and a P1 on one model version never hides a P2 on another.
 */
function identityLabels(model: Model, team: Team): string[] {
  const queryLabels = model.services
    .filter((s) => s.owner === team.name)
    .flatMap((s) => s.alerts.flatMap((a) => a.query.labels ?? []));
  const labels = new Set(["alertname", SERVICE_LABEL, ...(team.groupBy ?? model.routing.groupBy), ...queryLabels]);
  labels.delete("...");
  return [...labels].sort(byText);
}

/** A firing P0 or P1 silences the lower severities of the same alert instance within one team. */
function lowerSeverityInhibitions(team: Team, equal: readonly string[]) {
  const teamMatcher = matcherText({ label: TEAM_LABEL, op: "=", value: team.name });
  return (Object.keys(LOWER) as (keyof typeof LOWER)[]).map((severity) => ({
    id: `inhibit/${team.name}/${severity}`,
    team,
    rule: {
      source_matchers: [teamMatcher, matcherText({ label: SEVERITY_LABEL, op: "=", value: severity })],
      target_matchers: [teamMatcher, matcherText({ label: SEVERITY_LABEL, op: "=~", value: LOWER[severity].join("|") })],
      equal: [...equal],
    },
  }));
}

/** The team's own inhibit rules in declared order, each scoped to the team on both sides. */
function declaredInhibitions(team: Team) {
  const teamMatcher = { label: TEAM_LABEL, op: "=" as const, value: team.name };
  return team.inhibit.map((rule, index) => ({
    id: `inhibit/${team.name}/custom-${index + 1}`,
    team,
    rule: {
      source_matchers: [teamMatcher, ...rule.source].map(matcherText),
      target_matchers: [teamMatcher, ...rule.target].map(matcherText),
      ...(rule.equal.length > 0 ? { equal: [...new Set(rule.equal)].sort(byText) } : {}),
    },
  }));
}

/** A firing page tier of an SLO silences the ticket tier of the same SLO. */
function pageSilencesTicket() {
  return {
    source_matchers: [matcherText({ label: "sloth_severity", op: "=", value: "page" })],
    target_matchers: [matcherText({ label: "sloth_severity", op: "=", value: "ticket" })],
    equal: ["sloth_id"],
  };
}

function timeIntervalObject(interval: TimeInterval) {
  return {
    name: interval.name,
    time_intervals: [{
      ...(interval.times.length > 0 ? { times: interval.times.map((t) => ({ start_time: t.start, end_time: t.end })) } : {}),
      ...(interval.weekdays.length > 0 ? { weekdays: interval.weekdays } : {}),
      ...(interval.daysOfMonth.length > 0 ? { days_of_month: interval.daysOfMonth } : {}),
      ...(interval.months.length > 0 ? { months: interval.months } : {}),
      ...(interval.location ? { location: interval.location } : {}),
    }],
  };
}
