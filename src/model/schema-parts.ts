// Schema pieces both the IR (./schema.ts) and the dashboard model (./dashboard-schema.ts) use.

import { z } from "zod";

export const SpanSchema = z.object({ file: z.string(), line: z.number().int(), column: z.number().int() });
export const OptionalSpan = SpanSchema.optional();

export const TemplateSegmentSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  interpolation: z.number().int().optional(),
  raw: z.string().optional(),
});

export const MetricSchema = z.object({
  name: z.string(),
  kind: z.enum(["counter", "gauge", "histogram", "summary"]),
  help: z.string(),
  unit: z.string().optional(),
  labels: z.array(z.string()),
  buckets: z.array(z.number()).optional(),
  span: OptionalSpan,
});
