// Whether to color the pretty output: never with NO_COLOR (https://no-color.org), always with
// FORCE_COLOR (unless it is "0" or "false"), else only when stderr is a terminal.

export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTty: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return isTty;
}
