// The Alertmanager routing tree, derived from the teams' routing policies. It lives in the model
// so that checks can simulate it and the Alertmanager generator only serializes it.
//
// Shape: root (default receiver) → one route per team (team="<name>") → the team's custom routes
// in declared order, then its severity routes P0…P3. A step that notifies several receivers becomes
// sibling routes with `continue: true` on all but the last.

import { receiverName, SEVERITY_LABEL, TEAM_LABEL } from "./conventions.js";
import type { Matcher, Model, Severity, Span, Team } from "./schema.js";

export interface RouteNode {
  readonly id: string;
  readonly matchers: readonly Matcher[];
  /** Unset means inherited from the parent. */
  readonly receiver: string | undefined;
  readonly continue: boolean;
  readonly groupBy?: readonly string[];
  readonly groupWait?: string;
  readonly groupInterval?: string;
  readonly repeatInterval?: string;
  readonly activeTimeIntervals?: readonly string[];
  readonly muteTimeIntervals?: readonly string[];
  readonly routes: readonly RouteNode[];
  readonly span: Span | undefined;
}

export function buildRoutingTree(model: Model): RouteNode {
  return {
    id: "route/root",
    matchers: [],
    receiver: receiverName(model.defaultReceiver.team, model.defaultReceiver.receiver),
    continue: false,
    groupBy: model.routing.groupBy,
    groupWait: model.routing.groupWait,
    groupInterval: model.routing.groupInterval,
    repeatInterval: model.routing.repeat,
    routes: model.teams.map(teamRoute),
    span: model.defaultReceiver.span,
  };
}

function teamRoute(team: Team): RouteNode {
  const custom = team.routes.flatMap((route, index) =>
    fanOut(team, `route/${team.name}/custom-${index + 1}`, route.notify, route.continue, {
      matchers: route.matchers,
      groupBy: route.groupBy,
      groupWait: route.groupWait,
      groupInterval: route.groupInterval,
      repeatInterval: route.repeat,
    }),
  );
  const severities = team.escalation.flatMap((step) =>
    fanOut(team, `route/${team.name}/${step.severity}`, step.notify, false, {
      matchers: [{ label: SEVERITY_LABEL, op: "=", value: step.severity }],
      groupWait: step.groupWait,
      groupInterval: step.groupInterval,
      repeatInterval: step.repeat,
      activeTimeIntervals: step.activeDuring.length > 0 ? step.activeDuring : undefined,
      muteTimeIntervals: step.mutedDuring.length > 0 ? step.mutedDuring : undefined,
    }),
  );
  return {
    id: `route/${team.name}`,
    matchers: [{ label: TEAM_LABEL, op: "=", value: team.name }],
    receiver: undefined,
    continue: false,
    groupBy: team.groupBy,
    groupWait: team.groupWait,
    groupInterval: team.groupInterval,
    repeatInterval: team.repeat,
    routes: [...custom, ...severities],
    span: team.span,
  };
}

type RouteSettings = Omit<RouteNode, "id" | "receiver" | "continue" | "routes" | "span">;

function fanOut(team: Team, id: string, notify: readonly string[], lastContinues: boolean, settings: RouteSettings): RouteNode[] {
  return notify.map((key, index) => ({
    id: notify.length > 1 ? `${id}/${key}` : id,
    ...settings,
    receiver: receiverName(team.name, key),
    continue: index < notify.length - 1 ? true : lastContinues,
    routes: [],
    span: team.span,
  }));
}

/** Whether an alert with `labels` satisfies every matcher (Alertmanager semantics: anchored regex). */
export function matchesAll(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every((m) => {
    const value = labels[m.label] ?? "";
    switch (m.op) {
      case "=": return value === m.value;
      case "!=": return value !== m.value;
      case "=~": return anchored(m.value).test(value);
      case "!~": return !anchored(m.value).test(value);
    }
  });
}

const regexCache = new Map<string, RegExp>();
function anchored(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`, "s");
    regexCache.set(source, re);
  }
  return re;
}

/**
 * The receivers Alertmanager's tree delivers an alert to, in order, ignoring time intervals
 * (which only delay or mute, never re-route). Mirrors `amtool config routes test`.
 */
export function routeAlert(root: RouteNode, labels: Readonly<Record<string, string>>): string[] {
  return deliveries(root, labels).map((d) => d.receiver);
}

/** Where an alert ends up, as Alertmanager routes it, with the repeat interval that route has or inherits. */
export interface Delivery {
  readonly receiver: string;
  readonly repeatInterval: string | undefined;
}

export function deliveries(root: RouteNode, labels: Readonly<Record<string, string>>): Delivery[] {
  const out: Delivery[] = [];
  const visit = (node: RouteNode, inherited: Delivery): boolean => {
    if (!matchesAll(node.matchers, labels)) return false;
    const here = { receiver: node.receiver ?? inherited.receiver, repeatInterval: node.repeatInterval ?? inherited.repeatInterval };
    let matchedChild = false;
    for (const child of node.routes) {
      if (visit(child, here)) {
        matchedChild = true;
        if (!child.continue) break;
      }
    }
    if (!matchedChild) out.push(here);
    return true;
  };
  visit(root, { receiver: root.receiver ?? "", repeatInterval: root.repeatInterval });
  return out;
}

/**
 * The receivers the team's routing policy intends for an alert: matching custom routes in order
 * (stopping at one that does not continue), then the receivers of its severity. Computed from the
 * policy alone, never from the generated tree, so it can judge the tree.
 */
export function intendedReceivers(team: Team, severity: Severity, labels: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const route of team.routes) {
    if (!matchesAll(route.matchers, labels)) continue;
    out.push(...route.notify.map((key) => receiverName(team.name, key)));
    if (!route.continue) return out;
  }
  const step = team.escalation.find((s) => s.severity === severity);
  if (step) out.push(...step.notify.map((key) => receiverName(team.name, key)));
  return out;
}

/**
 * routeAlert with a cache: routing depends only on the labels some matcher in the tree reads (an
 * absent label and an empty one match alike), so alerts that agree on those share one result.
 */
export function createRouter(root: RouteNode): (labels: Readonly<Record<string, string>>) => readonly string[] {
  const read = new Set<string>();
  walkRoutes(root, (node) => node.matchers.forEach((m) => read.add(m.label)));
  const labels = [...read].sort();
  const cache = new Map<string, readonly string[]>();
  return (alertLabels) => {
    const key = labels.map((l) => alertLabels[l] ?? "").join("\u0000");
    let result = cache.get(key);
    if (!result) {
      result = routeAlert(root, alertLabels);
      cache.set(key, result);
    }
    return result;
  };
}

export function walkRoutes(root: RouteNode, visit: (node: RouteNode, parent: RouteNode | undefined) => void): void {
  const go = (node: RouteNode, parent: RouteNode | undefined) => {
    visit(node, parent);
    node.routes.forEach((child) => go(child, node));
  };
  go(root, undefined);
}
