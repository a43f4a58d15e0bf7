import type { GroupKind, StatCount, StatCounts, StatMeasure, StatsAnswer, StatsGroup, StatsRow } from '@/client';

/** What a cell shows: a number, the marker of a figure hidden for privacy, or that there was nothing to compute from. */
export type StatDisplay = { kind: 'value'; value: number } | { kind: 'suppressed' } | { kind: 'unknown' };

/** Suppressed wins over any value, and a missing value is never shown as 0. */
export function statDisplay(stat: StatCount | StatMeasure | undefined): StatDisplay {
  if (!stat) return { kind: 'unknown' };
  if (stat.suppressed) return { kind: 'suppressed' };
  if (stat.value === null || stat.value === undefined) return { kind: 'unknown' };
  return { kind: 'value', value: stat.value };
}

export const COUNT_KEYS = ['sent', 'received', 'accepted', 'declined', 'completed', 'revoked', 'expired'] as const satisfies readonly (keyof StatCounts)[];
export const MEASURE_KEYS = [
  'acceptance_rate_percent',
  'minutes_to_receive_median',
  'minutes_to_receive_p90',
  'minutes_to_accept_median',
  'minutes_to_accept_p90',
] as const satisfies readonly (keyof StatsRow)[];

export interface StatsTableGroup {
  /** Stable across answers: kind and id or code. */
  key: string;
  group: StatsGroup;
  /** The group's row for each period, by period. */
  cells: Map<string, StatsRow>;
}

export interface StatsTableModel {
  /** In the API's (calendar) order. */
  periods: string[];
  /** The total first, then nested networks, partners, pathways, referrals off any pathway and needs; by name within each. */
  groups: StatsTableGroup[];
  /** Nothing at all in the year: every total is exactly 0. */
  empty: boolean;
}

const KIND_ORDER: Record<GroupKind, number> = { total: 0, network: 1, partner: 2, pathway: 3, off_pathway: 4, need: 5 };

export const groupKey = (group: StatsGroup) => `${group.kind}:${group.id ?? group.code ?? ''}`;

/** The answer's rows (one per period and group) as a table: a row per group, a column per period. */
export function buildStatsTable(answer: Pick<StatsAnswer, 'rows'>, nameOf: (group: StatsGroup) => string, locale = 'en'): StatsTableModel {
  const periods: string[] = [];
  const byKey = new Map<string, StatsTableGroup>();
  for (const row of answer.rows) {
    if (!periods.includes(row.period)) periods.push(row.period);
    const key = groupKey(row.group);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { key, group: row.group, cells: new Map() };
      byKey.set(key, entry);
    }
    entry.cells.set(row.period, row);
  }
  const collator = new Intl.Collator(locale);
  const groups = [...byKey.values()].sort(
    (a, b) => KIND_ORDER[a.group.kind] - KIND_ORDER[b.group.kind] || collator.compare(nameOf(a.group), nameOf(b.group)),
  );
  const totals = answer.rows.filter((row) => row.group.kind === 'total');
  const empty = totals.every((row) => !row.counts.total.suppressed && row.counts.total.value === 0);
  return { periods, groups, empty };
}

/** "2026-03" as "Mar 2026", "2026-Q1" through `quarter`, "2026" as it is. */
export function periodLabel(period: string, locale: string, quarter: (q: number, year: number) => string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return quarter(Number(q[2]), Number(q[1]));
  return period;
}

/** A time in minutes as hours and minutes in the reader's language: "45 min", "2 hr 5 min", "2 h 5 min". */
export function formatMinutes(minutes: number, locale: string): string {
  const whole = Math.max(0, Math.round(minutes));
  const unit = (value: number, name: 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
