import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { matchesAll, walkRoutes, type RouteNode } from "../../model/routing.js";
import type { Matcher } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/**
 * A route after a sibling that matches everything it matches, does not continue and is always
 * active can never receive an alert. amtool accepts such trees silently.
 */
export const shadowedRoute: Check = {
  code: "MON301",
  name: "alertmanager/shadowed-route",
  severity: "error",
  summary: "a route that can never match because an earlier sibling takes all its alerts",
  run: ({ routes }) => {
    const out: Diagnostic[] = [];
    walkRoutes(routes, (node) => {
      node.routes.forEach((route, index) => {
        const shadow = node.routes.slice(0, index).find((earlier) => shadows(earlier, route));
        if (shadow) {
          out.push(report(shadowedRoute,
            `route ${route.id} (${describe(route.matchers)} → ${route.receiver}) can never match: ${shadow.id} (${describe(shadow.matchers)}) comes first and stops routing`,
            route.span, "give the earlier route `continue: true`, narrow its matchers, or move it after this one", route.id));
        }
      });
    });
    return out;
  },
};

/** Every alert `later` matches is matched by `earlier`, which then stops the walk. */
function shadows(earlier: RouteNode, later: RouteNode): boolean {
  if (earlier.continue || earlier.activeTimeIntervals?.length || earlier.muteTimeIntervals?.length) return false;
  return earlier.matchers.every((m) => later.matchers.some((n) => implies(n, m)));
}

/** Matcher `n` being true guarantees matcher `m` is true. */
function implies(n: Matcher, m: Matcher): boolean {
  if (n.label !== m.label) return false;
  if (n.op === m.op && n.value === m.value) return true;
  if (n.op === "=" && m.op === "=~") return matchesAll([m], { [m.label]: n.value });
  if (n.op === "=" && m.op === "!=") return n.value !== m.value;
  return false;
}

function describe(matchers: readonly Matcher[]): string {
  return matchers.length === 0 ? "matches everything" : matchers.map((m) => `${m.label}${m.op}"${m.value}"`).join(", ");
}
