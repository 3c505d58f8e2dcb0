import { report, type Check } from "../check.js";

/** Names that become file names must stay a single, portable path segment. */
export const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A service name becomes prometheus/rules/<service>.yml; "../x", "/etc/x", "a/b" or a NUL byte
 * would write outside the output folder or fail on some systems.
 */
export const unsafeOutputName: Check = {
  code: "MON112",
  name: "definitions/unsafe-output-name",
  severity: "error",
  summary: "a name that would make an output path escape the output folder",
  run: ({ model }) =>
    model.services
      // 255 bytes is the common file-name limit; the name gets ".yml" (and the temp folder's prefix stays out of it).
      .filter((s) => !SAFE_FILE_NAME.test(s.name) || s.name.includes("..") || `${s.name}.yml`.length > 255)
      .map((s) => report(unsafeOutputName, `service name ${JSON.stringify(s.name)} cannot be used as a file name`, s.span,
        "service names become file names: use letters, digits, '.', '_' and '-', starting with a letter or digit, with no '..', at most 251 characters",
        `service ${s.name}`)),
};
