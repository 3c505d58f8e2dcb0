// Grafana: one classic JSON file per dashboard, in a folder per team, and the provisioning file
// that loads them with the folders taken from the file structure.

import { allDashboards } from "../../model/dashboards/index.js";
import { DASHBOARD_PROVIDER_FILE, dashboardFile, GRAFANA_DIR } from "../../model/conventions.js";
import type { Model } from "../../model/schema.js";
import { withSubject } from "../../diagnostics/subject.js";
import { GENERATED_HEADER, type Artifact, type GeneratedObject, type GeneratorOutput } from "../artifact.js";
import { dashboardJson } from "./dashboard.js";

export function generateGrafanaDashboards(model: Model): GeneratorOutput {
  const artifacts: Artifact[] = [];
  const objects: GeneratedObject[] = [];
  const dashboards = [...allDashboards(model)].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  for (const dashboard of dashboards) {
    const file = dashboardFile(dashboard.folder, dashboard.uid);
    const json = withSubject(dashboard.subject, dashboard.span, () => dashboardJson(dashboard));
    // Serialized here, so the object can go: thousands of dashboards would otherwise all be held until emit.
    const content = `${JSON.stringify(json, null, 2)}\n`;
    artifacts.push({ path: file, format: "text", content });
    objects.push({ id: `dashboard/${dashboard.uid}`, kind: "dashboard", name: dashboard.title, file, span: dashboard.span, content, panels: panelCount(json) });
  }
  if (dashboards.length > 0) artifacts.push(providerFile(model));
  return { artifacts, objects };
}

/** Panels of a dashboard, rows not counted, panels inside collapsed rows counted. */
function panelCount(dashboard: { panels?: readonly { type?: string; panels?: readonly unknown[] }[] }): number {
  return (dashboard.panels ?? []).reduce((n, p) => n + (p.type === "row" ? p.panels?.length ?? 0 : 1), 0);
}

/** Grafana's file provider: subfolders become folders (one per team), and edits in the UI are not kept. */
function providerFile(model: Model): Artifact {
  return {
    path: DASHBOARD_PROVIDER_FILE,
    format: "yaml",
    header: `${GENERATED_HEADER}\nCopy the ${GRAFANA_DIR}/dashboards folder to ${model.grafana.dashboardsPath} on the Grafana host.`,
    content: {
      apiVersion: 1,
      providers: [{
        name: `moncc-${model.name}`,
        type: "file",
        disableDeletion: false,
        allowUiUpdates: false,
        updateIntervalSeconds: 60,
        options: { path: model.grafana.dashboardsPath, foldersFromFilesStructure: true },
      }],
    },
  };
}
