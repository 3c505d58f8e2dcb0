// Canonical serialization: the same artifact always gives the same bytes.
// YAML is written for YAML 1.1 readers (Prometheus and Alertmanager use Go's yaml.v2), so strings
// such as "on", "yes" or "0755" are quoted; long lines are never folded; files end with one newline.

import type { Artifact } from "../generators/artifact.js";
import { writeYaml } from "./yaml.js";

export function serializeArtifact(artifact: Artifact): string {
  switch (artifact.format) {
    case "yaml": {
      const header = artifact.header ? artifact.header.split("\n").map((line) => `# ${line}\n`).join("") : "";
      return header + writeYaml(artifact.content as Parameters<typeof writeYaml>[0]);
    }
    case "json":
      return `${JSON.stringify(artifact.content, null, 2)}\n`;
    case "text":
      return String(artifact.content);
  }
}
