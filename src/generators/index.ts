// All generators, in output order. Pure: model in, artifacts out.

import type { Model } from "../model/schema.js";
import { generateAlertmanagerConfig } from "./alertmanager/config.js";
import type { Artifact, GeneratedObject } from "./artifact.js";
import { generateGrafanaDashboards } from "./grafana/index.js";
import { generateManifest } from "./manifest/manifest.js";
import { generatePrometheusRules } from "./prometheus/rules.js";

export interface GeneratedOutput {
  readonly artifacts: readonly Artifact[];
  readonly objects: readonly GeneratedObject[];
}

export function generateAll(model: Model): GeneratedOutput {
  const outputs = [generatePrometheusRules(model), generateAlertmanagerConfig(model), generateGrafanaDashboards(model)];
  const objects = outputs.flatMap((o) => o.objects);
  const artifacts = [...outputs.flatMap((o) => o.artifacts), generateManifest(model.name, objects)];
  return { artifacts, objects };
}
