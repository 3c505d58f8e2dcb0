// Threshold colors as CSS. Grafana names its palette ("green", "semi-dark-red"); only those names and
// literal hex or rgb() colors reach a style attribute, so a color string can never smuggle CSS (a
// url() would make the page fetch something).

const SHADES = ["super-light-", "light-", "", "semi-dark-", "dark-"] as const;

const PALETTE: Readonly<Record<string, readonly string[]>> = {
  red: ["#FFA6B0", "#FF7383", "#F2495C", "#E02F44", "#C4162A"],
  orange: ["#FFCB7D", "#FFB357", "#FF9830", "#FF780A", "#FA6400"],
  yellow: ["#FFF899", "#FFEE52", "#FADE2A", "#F2CC0C", "#E0B400"],
  green: ["#C8F2C2", "#96D98D", "#73BF69", "#56A64B", "#37872D"],
  blue: ["#C0D8FF", "#8AB8FF", "#5794F2", "#3274D9", "#1F60C4"],
  purple: ["#DEB6F2", "#CA95E5", "#B877D9", "#A352CC", "#8F3BB8"],
};

const NAMED = new Map<string, string>([
  ...Object.entries(PALETTE).flatMap(([hue, hexes]) => SHADES.map((shade, i) => [`${shade}${hue}`, hexes[i]] as [string, string])),
  ["transparent", "transparent"],
  ["text", "#CCCCDC"],
]);

const LITERAL = /^(#[0-9a-f]{3,8}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*(0|1|0?\.\d+)\s*)?\))$/i;

/** Unknown colors show as grey; the step still shows the name the dashboard gave. */
const UNKNOWN = "#6E6E6E";

export function cssColor(color: string): string {
  const trimmed = color.trim();
  return NAMED.get(trimmed.toLowerCase()) ?? (LITERAL.test(trimmed) ? trimmed : UNKNOWN);
}
