import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { report, type Check } from "../check.js";
import { alertTitle, inhibitingTeams, mayInhibit } from "./inhibitions.js";

interface Edge {
  readonly to: number;
  readonly rule: string;
}

/**
 * Inhibit rules (the team's own plus moncc's lower-severity rules) under which alerts mute each
 * other in a cycle: while all of them fire, every one of them is muted and nobody is notified.
 */
export const inhibitionCycle: Check = {
  code: "MON308",
  name: "alertmanager/inhibition-cycle",
  severity: "error",
  summary: "inhibit rules under which alerts mute each other in a cycle",
  run: (context) => {
    const out: Diagnostic[] = [];
    for (const { team, alerts, rules } of inhibitingTeams(context)) {
      const edges = alerts.map((source) =>
        alerts.flatMap((target, to) => rules.filter((rule) => mayInhibit(rule, source, target)).slice(0, 1).map((rule) => ({ to, rule: rule.name }))));
      const reported = new Set<number>();
      alerts.forEach((_, start) => {
        if (reported.has(start)) return;
        const cycle = shortestCycle(start, edges);
        if (!cycle) return;
        cycle.forEach((step) => reported.add(step.from));
        const steps = cycle.map((step) => `${alertTitle(alerts[step.from])} mutes ${alertTitle(alerts[step.to])} (${step.rule})`);
        out.push(report(inhibitionCycle,
          `inhibit rules of team "${team.name}" form a cycle: ${steps.join(", ")}; while they all fire, all of them are muted`,
          team.span, "make inhibition go one way only, from the more to the less severe alert; narrow the source or target of the team's rule", `team ${team.name}`));
      });
    }
    return out;
  },
};

/** The shortest path from `start` back to itself, breadth first. */
function shortestCycle(start: number, edges: readonly Edge[][]): { from: number; to: number; rule: string }[] | undefined {
  const previous = new Map<number, { from: number; rule: string }>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of edges[node]) {
      if (edge.to === start) {
        const path = [{ from: node, to: start, rule: edge.rule }];
        for (let at = node; at !== start;) {
          const step = previous.get(at)!;
          path.unshift({ from: step.from, to: at, rule: step.rule });
          at = step.from;
        }
        return path;
      }
      if (!previous.has(edge.to) && edge.to !== start) {
        previous.set(edge.to, { from: node, rule: edge.rule });
        queue.push(edge.to);
      }
    }
  }
  return undefined;
}
