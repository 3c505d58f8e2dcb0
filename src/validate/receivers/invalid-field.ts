import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Receiver } from "../../model/schema.js";
import { report, type Check } from "../check.js";

/** What a receiver option holds, which decides what a valid value is. */
type Kind = "text" | "file" | "url" | "smarthost" | "address" | "addresses" | "count" | "flag" | "responders";

/** Every option the DSL knows, per receiver type (the ones the generator writes into alertmanager.yml). */
const FIELDS: Record<Receiver["type"], Readonly<Record<string, Kind>>> = {
  slack: { apiUrlFile: "file", channel: "text", username: "text", sendResolved: "flag" },
  pagerduty: { routingKeyFile: "file", sendResolved: "flag" },
  webhook: { url: "url", urlFile: "file", bearerTokenFile: "file", maxAlerts: "count", sendResolved: "flag" },
  email: { to: "addresses", from: "address", smarthost: "smarthost", authUsername: "text", authPasswordFile: "file", sendResolved: "flag" },
  opsgenie: { apiKeyFile: "file", responders: "responders", sendResolved: "flag" },
};

const HINTS: Record<Kind, string> = {
  text: "write the option as a string",
  file: "write the path of the file Alertmanager reads, as a string",
  url: 'write an http or https URL with a host, e.g. "https://hooks.example.com/alerts"; percent-encode spaces and special characters',
  smarthost: 'write the SMTP server as "host:port" with a port from 1 to 65535, e.g. "smtp.example.com:587"',
  address: 'write one email address, e.g. "alertmanager@example.com" or "Alertmanager <alertmanager@example.com>"',
  addresses: 'write email addresses separated by commas, e.g. "oncall@example.com, lead@example.com"',
  count: "write a whole number of 0 or more (0 means no limit)",
  flag: "write true or false",
  responders: 'write a list of responders, e.g. [{ type: "team", name: "ops" }]',
};

/** Opsgenie responder types as Alertmanager reads them (case-insensitive; a template is expanded later). */
const RESPONDER_TYPE = /^(team|teams|user|escalation|schedule)$/i;

/** A value for messages: strings quoted and cut short, anything else by its kind (it may nest thousands deep). */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const controlName = (text: string) => `U+${text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
/** Host names: letters, digits, dots, hyphens and underscores (an IP address is one too). */
const HOST_NAME = /^[\p{L}\p{N}._-]+$/u;
const IPV6_LITERAL = /^\[[0-9A-Fa-f:.]+(%25[\w.-]+)?\]$/;

/** Splits "host:port" as Go's net.SplitHostPort does; a problem as text when it cannot. */
function splitHostPort(text: string): { host: string; port: string | undefined } | string {
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0) return 'its IPv6 address has no closing "]"';
    const rest = text.slice(end + 1);
    if (rest !== "" && !rest.startsWith(":")) return `it has ${JSON.stringify(rest)} after the IPv6 address`;
    return { host: text.slice(0, end + 1), port: rest === "" ? undefined : rest.slice(1) };
  }
  const colon = text.lastIndexOf(":");
  if (colon < 0) return { host: text, port: undefined };
  const host = text.slice(0, colon);
  if (host.includes(":")) return "it has more than one colon (write an IPv6 address in brackets)";
  return { host, port: text.slice(colon + 1) };
}

function hostProblem(host: string): string | undefined {
  if (host === "") return "it has no host";
  if (!HOST_NAME.test(host) && !IPV6_LITERAL.test(host)) {
    const bad = [...host].find((c) => !/[\p{L}\p{N}._-]/u.test(c)) ?? host;
    return `its host ${JSON.stringify(host)} has the character ${JSON.stringify(bad)}, which no host name has`;
  }
  return undefined;
}

function portProblem(port: string): string | undefined {
  if (!/^\d+$/.test(port)) return `its port ${JSON.stringify(port)} is not a number`;
  if (Number(port) < 1 || Number(port) > 65535) return `its port ${port} is not from 1 to 65535`;
  return undefined;
}

function smarthostProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return `is not "host:port": it has the control character ${controlName(CONTROL.exec(text)![0])}`;
  const split = splitHostPort(text);
  const problem = typeof split === "string" ? split
    : split.port === undefined || split.port === "" ? "it has no port"
    : hostProblem(split.host) ?? portProblem(split.port);
  return problem && `is not "host:port": ${problem}`;
}

/** What Go's url.Parse and Alertmanager's URL check refuse, and hosts and ports nothing can connect to. */
function urlProblem(text: string): string | undefined {
  const problem = ((): string | undefined => {
    const control = CONTROL.exec(text);
    if (control) return `it has the control character ${controlName(control[0])}`;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
    if (!scheme) return "it has no scheme";
    if (!/^https?$/i.test(scheme[1])) return `its scheme is ${JSON.stringify(scheme[1])}, not http or https`;
    const rest = text.slice(scheme[0].length);
    if (!rest.startsWith("//")) return "it has no host";
    const authority = /^[^/?#]*/.exec(rest.slice(2))![0];
    const at = authority.lastIndexOf("@");
    if (at >= 0 && !/^[\w\-.~!$&'()*+,;=:%@]*$/.test(authority.slice(0, at))) return "its user part has a character URLs do not allow";
    const split = splitHostPort(authority.slice(at + 1));
    if (typeof split === "string") return split;
    const hostOrPort = hostProblem(split.host) ?? (split.port ? portProblem(split.port) : undefined);
    if (hostOrPort) return hostOrPort;
    const escape = /%(?![0-9A-Fa-f]{2})/.exec(text);
    if (escape) return `it has the malformed percent escape ${JSON.stringify(text.slice(escape.index, escape.index + 3))}`;
    return undefined;
  })();
  return problem && `is not an http or https URL: ${problem}`;
}

// An address as Go's net/mail reads one: a dot-atom local part and domain, optionally in <> after a name.
const ATOM = "[^\\s@<>()\\[\\]\\\\,;:\".]+";
const ADDR_SPEC = `${ATOM}(?:\\.${ATOM})*@${ATOM}(?:\\.${ATOM})*`;
const ADDRESS = new RegExp(`^(?:${ADDR_SPEC}|(?:"[^"]*"|[^<>",]*)\\s*<${ADDR_SPEC}>)$`, "u");

function addressProblem(text: string, list: boolean): string | undefined {
  // A template is expanded when the mail is sent: its result cannot be known here.
  if (text.includes("{{")) return undefined;
  const parts = list ? text.match(/(?:"[^"]*"|[^,])+/g) ?? [""] : [text];
  const bad = parts.map((part) => part.trim()).find((part) => !ADDRESS.test(part));
  if (bad === undefined) return undefined;
  return bad === text.trim() ? "is not an email address" : `has ${JSON.stringify(bad)}, which is not an email address`;
}

function respondersProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `must be a list of responders, not ${shown(value)}`;
  for (const [index, responder] of value.entries()) {
    const at = `responders[${index}]`;
    if (responder === null || typeof responder !== "object" || Array.isArray(responder)) return `has ${at} = ${shown(responder)}, not a { type, name } object`;
    const { type, name } = responder as Record<string, unknown>;
    if (typeof name !== "string" || name === "") return `has ${at} without a name (a non-empty string)`;
    if (typeof type !== "string" || !(RESPONDER_TYPE.test(type) || type.includes("{{"))) {
      return `has ${at} with type ${shown(type)}, not team, user, escalation or schedule`;
    }
  }
  return undefined;
}

/** What is wrong with a set option's value, as the end of a sentence naming the option. */
function problemOf(kind: Kind, value: unknown): string | undefined {
  switch (kind) {
    case "flag":
      return typeof value === "boolean" ? undefined : `must be true or false, not ${shown(value)}`;
    case "count":
      return Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `must be a whole number of 0 or more, not ${shown(value)}`;
    case "responders":
      return respondersProblem(value);
  }
  if (typeof value !== "string") return `must be a string, not ${shown(value)}`;
  // Empty counts as unset, as for MON315, which reports a required option left empty.
  if (value === "") return undefined;
  const problem = kind === "file" ? (value.includes("\u0000") ? "has a NUL character, which no file path can hold" : undefined)
    : kind === "url" ? urlProblem(value)
    : kind === "smarthost" ? smarthostProblem(value)
    : kind === "address" || kind === "addresses" ? addressProblem(value, kind === "addresses")
    : undefined;
  return problem && `${problem}: ${shown(value)}`;
}

/**
 * A receiver option whose value Alertmanager cannot use: a list where a string belongs, a URL or
 * smarthost that does not parse, a count that is not a whole number. amtool rejects many of these
 * (and then names the generated receiver, not the definition); the rest fail when a notification is sent.
 */
export const invalidField: Check = {
  code: "MON319",
  name: "receivers/invalid-field",
  severity: "error",
  summary: "a receiver option whose value Alertmanager cannot use: a wrong type, or a malformed URL, host:port or email address",
  run: ({ model }) => {
    const out: Diagnostic[] = [];
    for (const receiver of model.teams.flatMap((team) => team.receivers)) {
      for (const [option, kind] of Object.entries(FIELDS[receiver.type] ?? {})) {
        const value = receiver.options[option];
        // Unset: a required option is reported by MON315.
        if (value === undefined || value === null) continue;
        const problem = problemOf(kind, value);
        if (!problem) continue;
        out.push(report(invalidField, `receiver "${receiver.id}" (${receiver.type}) option ${option} ${problem}`, receiver.span,
          HINTS[kind], `receiver ${receiver.id}`));
      }
    }
    return out;
  },
};
