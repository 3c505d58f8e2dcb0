// The receivers checks, in report order. Each has a doc page at docs/checks/<code>.md.

import type { Check } from "../check.js";
import { inlineSecret } from "./inline-secret.js";
import { missingField } from "./missing-field.js";
import { fileAndInline } from "./file-and-inline.js";
import { templateSyntax } from "./template-syntax.js";
import { untemplatedField } from "./untemplated-field.js";
import { invalidField } from "./invalid-field.js";

export const RECEIVERS_CHECKS: readonly Check[] = [
  inlineSecret,
  missingField,
  fileAndInline,
  templateSyntax,
  untemplatedField,
  invalidField,
];
