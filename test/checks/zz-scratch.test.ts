import { it } from "vitest";
import { baseProject, compileFiles } from "../helpers.js";

it("collision", async () => {
  const r = await compileFiles({ "moncc.config.ts": baseProject({ tail: `const webx = team("web-x", { receivers: { y: slack({ channel: "#a", apiUrlFile: "/f" }) }, escalation: { P2: { notify: ["y"] } } });`, receivers: `chat: slack({ channel: "#web", apiUrlFile: "/etc/am/slack" }),
    page: pagerduty({ routingKeyFile: "/etc/am/pd" }),
    "x-y": webhook({ url: "https://example.com/h" }),`, escalation: `P0: { notify: ["page", "x-y"] }, P1: { notify: ["page"] }, P2: { notify: ["chat"] }, P3: { notify: ["chat"] },`, teams: "web, webx" }) });
  console.log(r.files?.find((f) => f.path.includes("alertmanager.yml"))?.content);
});
