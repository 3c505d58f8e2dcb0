// The burn-down chart as plain inline SVG: one polyline of budget remaining over the period, with a
// 100% and a 0% line and the period's start and end dates. No charting library, so the HTML report
// stays one small self-contained file that renders without scripts (see docs/slos-report.md).

import type { LiveSlo } from "./data.js";

const WIDTH = 640;
const HEIGHT = 220;
const M = { left: 48, right: 12, top: 12, bottom: 28 };

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const fixed = (n: number) => String(Math.round(n * 10) / 10);
const date = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ");

export function burnDownSvg(burnDown: LiveSlo["burnDown"], id: string): string {
  const points = burnDown.points;
  const values = points.map(([, v]) => v).filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const span = burnDown.end - burnDown.start || 1;
  const x = (t: number) => M.left + ((t - burnDown.start) / span) * (WIDTH - M.left - M.right);
  const y = (v: number) => M.top + ((high - v) / (high - low)) * (HEIGHT - M.top - M.bottom);
  const drawn = points.filter(([, v]) => v !== null).map(([t, v]) => `${fixed(x(t))},${fixed(y(v!))}`);
  const hline = (v: number, label: string) =>
    `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="#d0d7de"${v === 0 ? "" : ` stroke-dasharray="4 3"`}/>` +
    `<text x="${M.left - 6}" y="${fixed(y(v) + 4)}" text-anchor="end">${label}</text>`;
  return [
    `<svg class="burn-down" data-slo-id="${escapeXml(id)}" data-points="${points.length}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="error budget remaining of ${escapeXml(id)}" xmlns="http://www.w3.org/2000/svg">`,
    hline(1, "100%"),
    hline(0, "0%"),
    low < 0 ? hline(low, `${Math.round(low * 100)}%`) : "",
    `<polyline fill="none" stroke="#0969da" stroke-width="2" points="${drawn.join(" ")}"/>`,
    `<text x="${M.left}" y="${HEIGHT - 8}">${date(burnDown.start)} UTC</text>`,
    `<text x="${WIDTH - M.right}" y="${HEIGHT - 8}" text-anchor="end">${date(burnDown.end)} UTC</text>`,
    `</svg>`,
  ].filter(Boolean).join("\n");
}
