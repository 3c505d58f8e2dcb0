import { report, type Check } from "../check.js";
import { RECORD_NAME } from "./names.js";

export const invalidRecordName: Check = {
  code: "MON106",
  name: "definitions/invalid-record-name",
  severity: "error",
  summary: "a recording rule name outside level:metric:operations",
  run: ({ model }) =>
    model.services.flatMap((s) => s.recordings)
      .filter((r) => !RECORD_NAME.test(r.name))
      .map((r) => report(invalidRecordName, `recording rule "${r.name}" does not follow level:metric:operations`, r.span,
        'name it after its aggregation level, source metric and operations, e.g. "model:predictions:rate5m"')),
};
