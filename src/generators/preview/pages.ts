// The build output's Grafana dashboards → the preview folder's files: a page per dashboard at
// `<folder>/<uid>.html`, index.html, and a manifest naming each page's source. Pure.

import { MANIFEST_FILE } from "../manifest/manifest.js";
import { DASHBOARDS_DIR as DASHBOARDS_FOLDER } from "../../model/conventions.js";
import { byText } from "../../model/order.js";
import { renderDashboardPreview, renderPreviewIndex } from "./render.js";

export const DASHBOARDS_DIR = `${DASHBOARDS_FOLDER}/`;
/** Dashboards written straight into grafana/dashboards/ sit in Grafana's default folder. */
const GENERAL_FOLDER = "General";

export interface TextFile {
  readonly path: string;
  readonly content: string;
}

/** The preview of every `grafana/dashboards/**.json` among `buildFiles`; no files when there is none. */
export function previewPages(buildFiles: readonly TextFile[]): { pages: number; files: TextFile[] } {
  const pages = buildFiles
    .filter((f) => f.path.startsWith(DASHBOARDS_DIR) && f.path.endsWith(".json"))
    .sort((a, b) => byText(a.path, b.path))
    .map((file) => {
      const json = JSON.parse(file.content) as { title?: unknown };
      const page = file.path.slice(DASHBOARDS_DIR.length).replace(/\.json$/, ".html");
      const folder = page.includes("/") ? page.slice(0, page.lastIndexOf("/")) : GENERAL_FOLDER;
      const title = typeof json.title === "string" ? json.title : page;
      return { path: page, content: renderDashboardPreview(json), title, folder, source: file.path };
    });
  if (pages.length === 0) return { pages: 0, files: [] };
  // The manifest also marks the folder as moncc's, so the next run may replace it (see emit/write.ts).
  const manifest = { generator: "moncc preview", pages: pages.map((p) => ({ file: p.path, title: p.title, source: p.source })) };
  return {
    pages: pages.length,
    files: [
      ...pages.map((p) => ({ path: p.path, content: p.content })),
      { path: "index.html", content: renderPreviewIndex(pages.map((p) => ({ title: p.title, file: p.path, folder: p.folder }))) },
      { path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` },
    ],
  };
}
