import { StatsGroupBy, StatsPeriod, type ReferralsReferralStatsData } from '@/client';
import { asString, onlyCodes } from '@/lib/search-params';

export const STATS_GROUPINGS = Object.values(StatsGroupBy);
export const STATS_PERIODS = Object.values(StatsPeriod);

/**
 * The statistics screen's URL, named as the API names its parameters
 * (`?group_by=pathway&period=quarter&year=2026&partner_id=…`). Left out: the API's defaults
 * (by receiving partner, by month, this year, the whole network).
 */
export interface StatsSearch {
  group_by?: StatsGroupBy;
  period?: StatsPeriod;
  year?: number;
  partner_id?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API counts from 2000 on; a year further ahead than the next has nothing to count. */
export const FIRST_STATS_YEAR = 2000;

export function parseStatsSearch(raw: Record<string, unknown>, thisYear: number = new Date().getUTCFullYear()): StatsSearch {
  const search: StatsSearch = {};
  const [groupBy] = onlyCodes([asString(raw.group_by) ?? ''], STATS_GROUPINGS);
  if (groupBy) search.group_by = groupBy;
  const [period] = onlyCodes([asString(raw.period) ?? ''], STATS_PERIODS);
  if (period) search.period = period;
  const year = Number(asString(raw.year));
  if (Number.isInteger(year) && year >= FIRST_STATS_YEAR && year <= thisYear + 1) search.year = year;
  const partner = asString(raw.partner_id)?.toLowerCase();
  if (partner && UUID.test(partner)) search.partner_id = partner;
  return search;
}

/** A change of view, with nothing empty left in the URL. */
export function withStats(search: StatsSearch, changes: Partial<StatsSearch>): StatsSearch {
  const merged: Record<string, unknown> = { ...search, ...changes };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value !== '')) as StatsSearch;
}

export function toStatsQuery(search: StatsSearch): NonNullable<ReferralsReferralStatsData['query']> {
  return { group_by: search.group_by, period: search.period, year: search.year, partner_id: search.partner_id };
}
