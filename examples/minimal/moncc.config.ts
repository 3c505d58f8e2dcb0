import { alert, counter, errorRatio, project, service, slack, team } from "moncc";

const requests = counter("http_requests_total", {
  help: "HTTP requests served, by status code class.",
  unit: "requests",
  labels: ["code"],
});

const web = team("web", {
  receivers: {
    chat: slack({ channel: "#web-alerts", apiUrlFile: "/etc/alertmanager/secrets/slack-web" }),
  },
  escalation: {
    P2: { notify: ["chat"], repeat: "4h" },
  },
});

const api = service("api", {
  owner: web,
  alerts: [
    alert.threshold("ApiHighErrorRate", {
      query: errorRatio(requests.where({ code: "5xx" }), requests, "5m"),
      P2: "> 5% for 10m",
      summary: "API error rate is {{ $value | humanizePercentage }}",
      runbook: "https://runbooks.example.com/api/high-error-rate",
    }),
  ],
});

export default project({
  name: "minimal",
  targets: { prometheus: "2.42", alertmanager: "0.25" },
  teams: [web],
  services: [api],
  defaultReceiver: web.receiver("chat"),
});
