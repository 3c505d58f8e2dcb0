// Prometheus matches label values with Go's RE2, fully anchored. JavaScript's engine is close
// enough to find syntax errors once RE2-only spellings are translated, and RE2's missing
// features (backreferences, lookaround) are rejected explicitly because JavaScript accepts them.

const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\(\?<?[=!]/, "lookahead and lookbehind are not supported by RE2"],
  // An odd number of backslashes before a digit: `\\1` is an escaped backslash and a 1.
  [/(?<!\\)(?:\\\\)*\\[1-9]/, "backreferences are not supported by RE2"],
  [/\(\?>/, "atomic groups are not supported by RE2"],
  [/(?<!\\)[*+?}]\+/, "possessive quantifiers are not supported by RE2"],
];

/** Why RE2 would reject `pattern`, or undefined when it is a valid RE2 expression. */
export function re2Problem(pattern: string): string | undefined {
  for (const [construct, message] of UNSUPPORTED) if (construct.test(pattern)) return message;
  const translated = pattern
    .replace(/\(\?P</g, "(?<")
    .replace(/\(\?[imsU]+\)/g, "")
    .replace(/\(\?[imsU]*-?[imsU]*:/g, "(?:")
    .replace(/\\p([A-Z])/g, "\\p{$1}")
    .replace(/\\P([A-Z])/g, "\\P{$1}")
    .replace(/\[\[:\^?[a-z]+:\]\]/g, "[a]")
    .replace(/\[:\^?[a-z]+:\]/g, "a")
    .replace(/\\[Az]/g, "");
  try {
    new RegExp(`^(?:${translated})$`, /\\[pP]\{/.test(translated) ? "u" : "");
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "");
  }
}

/** Whether the anchored pattern accepts the empty string (a matcher that also selects absent labels). */
export function matchesEmpty(pattern: string): boolean {
  if (re2Problem(pattern)) return false;
  try {
    return new RegExp(`^(?:${pattern.replace(/\(\?[imsU]+\)/g, "").replace(/\(\?P</g, "(?<")})$`).test("");
  } catch {
    return false;
  }
}
