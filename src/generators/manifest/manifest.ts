// manifest.json: every generated alert, recording rule, route, receiver, inhibit rule and time
// interval, with the file holding it, its source file:line:col and a hash of its content.

import { createHash } from "node:crypto";
import { byText } from "../../model/order.js";
import type { Artifact, GeneratedObject } from "../artifact.js";

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_VERSION = 1;

export function generateManifest(projectName: string, objects: readonly GeneratedObject[]): Artifact {
  const entries = [...objects]
    .sort((a, b) => byText(a.id, b.id))
    .map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      file: o.file,
      source: o.span ? `${o.span.file}:${o.span.line}:${o.span.column}` : null,
      sha256: createHash("sha256").update(JSON.stringify(o.content)).digest("hex"),
    }));
  return { path: MANIFEST_FILE, format: "json", content: { version: MANIFEST_VERSION, project: projectName, objects: entries } };
}
