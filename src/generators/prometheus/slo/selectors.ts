// Pieces shared by the SLO rule steps: Sloth's identifying labels and the window substitution.

import { promqlString } from "../../../dsl/promql.js";
import { WINDOW } from "../../../dsl/slos.js";
import type { Slo } from "../../../model/schema.js";

export const sloIdLabels = (slo: Slo) => ({ sloth_id: slo.id, sloth_service: slo.service, sloth_slo: slo.name });

/** `{sloth_id="…", sloth_service="…", sloth_slo="…"}` */
export const sloSelector = (slo: Slo) =>
  `{${Object.entries(sloIdLabels(slo)).map(([k, v]) => `${k}=${promqlString(v)}`).join(", ")}}`;

export const withWindow = (template: string, window: string) => template.split(WINDOW).join(window);
