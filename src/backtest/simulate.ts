// The pure core of `moncc backtest`: replay an alert rule's history on a fixed evaluation grid
// (Prometheus' `for` and `keep_firing_for`), then count the notifications Alertmanager would send
// for each firing episode (the first one, one per repeat_interval while it fires, and the resolved
// one). Times are Unix seconds. See docs/backtest.md for what is approximated.

/** Evaluation instants start, start + step, …, end (inclusive). */
export interface Grid {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export interface RuleTiming {
  /** The rule's `for`, in seconds (0 when unset). */
  readonly forSeconds: number;
  /** The rule's `keep_firing_for`, in seconds (0 when unset). */
  readonly keepFiringForSeconds: number;
}

/** One firing period of one series: from the evaluation it started firing to the one it resolved. */
export interface Episode {
  readonly start: number;
  readonly end: number;
  /** Still firing at the end of the grid: no resolved notification yet. */
  readonly ongoing: boolean;
}

/**
 * The firing episodes of one series, given the instants (on the grid) at which the rule's
 * expression returned a sample for it. Pending starts at the first true evaluation, firing once it
 * has been true for `for`; a false evaluation resets it, unless a firing alert is kept firing by
 * `keep_firing_for` since the last true one.
 */
export function firingEpisodes(trueAt: readonly number[], grid: Grid, timing: RuleTiming): Episode[] {
  const isTrue = new Set(trueAt);
  const episodes: Episode[] = [];
  let activeSince: number | undefined;
  let firingSince: number | undefined;
  let lastTrue = Number.NEGATIVE_INFINITY;
  const steps = Math.floor((grid.end - grid.start) / grid.step);
  for (let i = 0; i <= steps; i++) {
    const t = grid.start + i * grid.step;
    if (isTrue.has(t)) {
      activeSince ??= t;
      lastTrue = t;
      if (firingSince === undefined && t - activeSince >= timing.forSeconds) firingSince = t;
      continue;
    }
    if (firingSince !== undefined && t - lastTrue < timing.keepFiringForSeconds) continue;
    if (firingSince !== undefined) episodes.push({ start: firingSince, end: t, ongoing: false });
    activeSince = undefined;
    firingSince = undefined;
  }
  if (firingSince !== undefined) episodes.push({ start: firingSince, end: grid.start + steps * grid.step, ongoing: true });
  return episodes;
}

export interface NotificationCount {
  readonly firing: number;
  readonly resolved: number;
}

/**
 * Notifications one receiver gets for one episode: one when it starts firing, one more each
 * `repeatSeconds` while it still fires, and one when it resolves if the receiver sends resolved
 * notifications.
 */
export function episodeNotifications(episode: Episode, repeatSeconds: number, sendResolved: boolean): NotificationCount {
  const duration = episode.end - episode.start;
  // A repeat falls due at start + k × repeat; on a resolved episode only strictly before it resolves.
  const repeats = repeatSeconds > 0 ? Math.floor(duration / repeatSeconds) - (!episode.ongoing && duration > 0 && duration % repeatSeconds === 0 ? 1 : 0) : 0;
  return { firing: 1 + Math.max(0, repeats), resolved: sendResolved && !episode.ongoing ? 1 : 0 };
}
