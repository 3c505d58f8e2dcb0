// Function families by what they expect of their input series.

/** Functions that assume a counter: they compensate for resets. */
export const COUNTER_FUNCTIONS = new Set(["rate", "irate", "increase", "resets"]);

/** Functions for gauges that read a counter's resets as drops. */
export const GAUGE_FUNCTIONS = new Set(["delta", "idelta", "deriv", "predict_linear", "double_exponential_smoothing"]);

/** Functions that need at least two samples in their range to return anything. */
export const TWO_SAMPLE_FUNCTIONS = new Set([...COUNTER_FUNCTIONS, ...GAUGE_FUNCTIONS, "changes"]);

/** Functions under which reading a counter's raw value is fine: they ask whether or when it exists. */
export const COUNTER_SAFE_FUNCTIONS = new Set([
  ...COUNTER_FUNCTIONS, "absent", "absent_over_time", "present_over_time", "count_over_time", "timestamp", "changes", "last_over_time",
]);
