import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Dashboard } from "../../model/dashboard-schema.js";
import { allDashboards } from "../../model/dashboards/index.js";
import { report, type Check } from "../check.js";
import { subjectOf } from "../suppress.js";

/** Grafana's limit on a dashboard uid, and the characters that are safe in its URL. */
const UID_MAX = 40;
const UID_CHARS = /^[A-Za-z0-9_-]+$/;

/**
 * Uids are unique across Grafana and titles within a folder: the provisioner loads only one of
 * two clashing dashboards, and which one depends on file order.
 */
export const duplicateUid: Check = {
  code: "MON704",
  name: "dashboards/duplicate-uid",
  severity: "error",
  summary: "two dashboards with one uid, or one title in one folder, or a uid Grafana refuses",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    const byUid = new Map<string, Dashboard>();
    const byTitle = new Map<string, Dashboard>();
    const problem = (dashboard: Dashboard, message: string, hint: string) =>
      out.push(report(duplicateUid, `${dashboard.subject}: ${message}`, dashboard.span, hint, subjectOf.dashboard(dashboard)));
    for (const dashboard of allDashboards(model)) {
      const { uid } = dashboard;
      if (uid.length > UID_MAX) {
        problem(dashboard, `uid "${uid}" is ${uid.length} characters long; Grafana allows ${UID_MAX}`, `shorten the uid, or leave it out and moncc derives one of ${UID_MAX} characters at most`);
      } else if (!UID_CHARS.test(uid)) {
        problem(dashboard, `uid "${uid}" has characters other than letters, digits, "-" and "_"`, `write the uid with letters, digits, "-" and "_" only, e.g. "${uid.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "my-dashboard"}"`);
      }
      // A service or SLO declared twice (MON101) generates its dashboard twice; that is not news.
      const sameUid = byUid.get(uid);
      if (dashboard.origin !== "custom" && sameUid?.subject === dashboard.subject) continue;
      if (sameUid) problem(dashboard, `uid "${uid}" is also the uid of ${sameUid.subject}`, "give one of the dashboards another uid: Grafana keeps only one dashboard per uid");
      else byUid.set(uid, dashboard);
      const titleKey = `${dashboard.folder}\u0000${dashboard.title}`;
      const sameTitle = byTitle.get(titleKey);
      if (sameTitle) problem(dashboard, `title "${dashboard.title}" is also the title of ${sameTitle.subject} in folder "${dashboard.folder}"`, "give one of the dashboards another title or folder: Grafana refuses two dashboards with one title in a folder");
      else byTitle.set(titleKey, dashboard);
    }
    return out;
  },
};
