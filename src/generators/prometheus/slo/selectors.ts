// Pieces shared by the SLO rule steps: Sloth's identifying labels (in the conventions, which
// dashboards and reports read too) and the window substitution.

import { WINDOW } from "../../../dsl/slos.js";

export { sloIdLabels, sloSelector } from "../../../model/conventions.js";

export const withWindow = (template: string, window: string) => template.split(WINDOW).join(window);
