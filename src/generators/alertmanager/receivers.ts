// One receiver in Alertmanager's format. Only file references for secrets: inline secret options
// are rejected by the inline-secret check before generation runs.

import type { Receiver } from "../../model/schema.js";

type Options = Readonly<Record<string, unknown>>;

/** Copies the options that are set, under their Alertmanager names, in the listed order. */
function pick(options: Options, names: readonly (readonly [string, string])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [from, to] of names) if (options[from] !== undefined) out[to] = options[from];
  return out;
}

const TITLE = '{{ template "moncc.title" . }}';
const TEXT = '{{ template "moncc.text" . }}';

export function receiverConfig(receiver: Receiver): Record<string, unknown> {
  const o = receiver.options;
  const sendResolved = { send_resolved: o.sendResolved ?? true };
  switch (receiver.type) {
    case "slack":
      return {
        name: receiver.id,
        slack_configs: [{
          ...pick(o, [["apiUrlFile", "api_url_file"], ["channel", "channel"], ["username", "username"]]),
          ...sendResolved,
          title: TITLE,
          text: TEXT,
        }],
      };
    case "pagerduty":
      return {
        name: receiver.id,
        pagerduty_configs: [{
          ...pick(o, [["routingKeyFile", "routing_key_file"]]),
          ...sendResolved,
          description: TITLE,
          severity: '{{ template "moncc.pagerduty.severity" . }}',
        }],
      };
    case "webhook":
      return {
        name: receiver.id,
        webhook_configs: [{
          ...pick(o, [["url", "url"], ["urlFile", "url_file"]]),
          ...sendResolved,
          ...pick(o, [["maxAlerts", "max_alerts"]]),
          ...(o.bearerTokenFile !== undefined ? { http_config: { authorization: { credentials_file: o.bearerTokenFile } } } : {}),
        }],
      };
    case "email":
      return {
        name: receiver.id,
        email_configs: [{
          ...pick(o, [["to", "to"], ["from", "from"], ["smarthost", "smarthost"], ["authUsername", "auth_username"], ["authPasswordFile", "auth_password_file"]]),
          ...sendResolved,
          headers: { Subject: TITLE },
        }],
      };
    case "opsgenie":
      return {
        name: receiver.id,
        opsgenie_configs: [{
          ...pick(o, [["apiKeyFile", "api_key_file"]]),
          ...sendResolved,
          message: TITLE,
          description: TEXT,
          priority: '{{ template "moncc.opsgenie.priority" . }}',
          ...(Array.isArray(o.responders) ? { responders: o.responders.map((r: { type: string; name: string }) => ({ name: r.name, type: r.type })) } : {}),
        }],
      };
  }
}
