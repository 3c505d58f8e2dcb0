// Name grammars shared by the name checks.

export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** moncc's alert-name policy: CamelCase, starting with a capital letter. */
export const ALERT_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** Recording rules follow level:metric:operations. */
export const RECORD_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*(:[a-zA-Z0-9_]+){2,}$/;
