// Pure: from each alert rule's replayed history to notifications per team, receiver and alert.

import { episodeNotifications, firingEpisodes, type Grid, type RuleTiming } from "./simulate.js";

export interface SeriesHistory {
  /** The labels of the series the rule's expression returned. */
  readonly labels: Readonly<Record<string, string>>;
  /** Grid instants at which the expression returned this series. */
  readonly trueAt: readonly number[];
}

export interface RuleHistory {
  /** The generated rule's id, e.g. "api/alert/HighErrorRate/P1". */
  readonly id: string;
  readonly alert: string;
  /** The rule's own labels; they override the series' labels, as in Prometheus. */
  readonly labels: Readonly<Record<string, string>>;
  readonly timing: RuleTiming;
  readonly series: readonly SeriesHistory[];
}

/** Where Alertmanager sends an alert: one receiver, with the repeat interval of the route it takes. */
export interface Delivery {
  readonly receiver: string;
  readonly repeatSeconds: number;
  readonly sendResolved: boolean;
}

export interface BacktestInput {
  readonly grid: Grid;
  readonly rules: readonly RuleHistory[];
  readonly deliver: (labels: Readonly<Record<string, string>>) => readonly Delivery[];
  /** The team owning a receiver. */
  readonly teamOf: (receiver: string) => string | undefined;
  readonly teams: readonly { readonly name: string; readonly budgetPerDay: number | undefined }[];
}

export interface AlertCount {
  readonly rule: string;
  readonly alert: string;
  readonly episodes: number;
  readonly notifications: number;
  readonly perDay: number;
}

export interface TeamCount {
  readonly team: string;
  readonly budgetPerDay: number | undefined;
  readonly notifications: number;
  readonly perDay: number;
  readonly receivers: readonly { readonly receiver: string; readonly notifications: number; readonly perDay: number }[];
  /** Noisiest first. */
  readonly alerts: readonly AlertCount[];
}

export interface BacktestResult {
  readonly days: number;
  readonly teams: readonly TeamCount[];
}

const DAY = 86_400;

export function backtest(input: BacktestInput): BacktestResult {
  const days = (input.grid.end - input.grid.start) / DAY;
  const perDay = (n: number) => (days > 0 ? n / days : 0);
  const byReceiver = new Map<string, number>();
  /** team → rule id → counts */
  const byAlert = new Map<string, Map<string, { alert: string; episodes: number; notifications: number }>>();
  for (const rule of input.rules) {
    for (const series of rule.series) {
      const episodes = firingEpisodes(series.trueAt, input.grid, rule.timing);
      if (episodes.length === 0) continue;
      const { __name__: _name, ...seriesLabels } = series.labels;
      const reached = new Set<string>();
      for (const delivery of input.deliver({ ...seriesLabels, ...rule.labels })) {
        let sent = 0;
        for (const episode of episodes) {
          const count = episodeNotifications(episode, delivery.repeatSeconds, delivery.sendResolved);
          sent += count.firing + count.resolved;
        }
        byReceiver.set(delivery.receiver, (byReceiver.get(delivery.receiver) ?? 0) + sent);
        const team = input.teamOf(delivery.receiver);
        if (team === undefined) continue;
        const rules = byAlert.get(team) ?? new Map<string, { alert: string; episodes: number; notifications: number }>();
        byAlert.set(team, rules);
        const entry = rules.get(rule.id) ?? { alert: rule.alert, episodes: 0, notifications: 0 };
        rules.set(rule.id, entry);
        entry.notifications += sent;
        // A series' episodes count once per team, however many of its receivers they reach.
        if (!reached.has(team)) entry.episodes += episodes.length;
        reached.add(team);
      }
    }
  }
  const teams = [...input.teams].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((team): TeamCount => {
    const receivers = [...byReceiver].filter(([receiver]) => input.teamOf(receiver) === team.name).sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([receiver, notifications]) => ({ receiver, notifications, perDay: perDay(notifications) }));
    const notifications = receivers.reduce((sum, r) => sum + r.notifications, 0);
    const alerts = [...(byAlert.get(team.name) ?? new Map<string, { alert: string; episodes: number; notifications: number }>())]
      .map(([rule, c]) => ({ rule, alert: c.alert, episodes: c.episodes, notifications: c.notifications, perDay: perDay(c.notifications) }))
      .sort((a, b) => b.notifications - a.notifications || (a.rule < b.rule ? -1 : 1));
    return { team: team.name, budgetPerDay: team.budgetPerDay, notifications, perDay: perDay(notifications), receivers, alerts };
  });
  return { days, teams };
}
