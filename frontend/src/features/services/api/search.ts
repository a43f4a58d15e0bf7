import { FIRST_STATS_YEAR } from '@/features/referrals/api/stats-search';
import { asList, asString, onlyCodes } from '@/lib/search-params';
import { CAPACITY_STATUSES, FINDING_KINDS, NEEDS, POPULATIONS, SERVICE_STATUSES, SERVICE_TYPES, type CapacityStatus, type FindingKind, type Need, type Population, type ServiceStatus, type ServiceType } from '@/lib/vocabulary';

/** The services list's URL: text, types, statuses, capacity (as read now), areas, and the stack of page cursors. */
export interface ServiceSearch {
  q?: string;
  type?: ServiceType[];
  status?: ServiceStatus[];
  capacity?: CapacityStatus[];
  area?: string[];
  cursor?: string[];
}

export const SERVICE_PAGE_SIZE = 25;

export function parseServiceSearch(raw: Record<string, unknown>): ServiceSearch {
  const search: ServiceSearch = {};
  const q = asString(raw.q)?.trim().slice(0, 200);
  if (q) search.q = q;
  const type = onlyCodes(asList(raw.type), SERVICE_TYPES);
  if (type.length) search.type = type;
  const status = onlyCodes(asList(raw.status), SERVICE_STATUSES);
  if (status.length) search.status = status;
  const capacity = onlyCodes(asList(raw.capacity), CAPACITY_STATUSES);
  if (capacity.length) search.capacity = capacity;
  const area = [...new Set(asList(raw.area).map((v) => v.trim()).filter((v) => v && v.length <= 100))].slice(0, 20);
  if (area.length) search.area = area;
  const cursor = asList(raw.cursor).filter((c) => c.length <= 4096);
  if (cursor.length) search.cursor = cursor;
  return search;
}

/** The route finder's URL: the question asked, so a found route is a link to share or print. */
export interface RouteSearch {
  entry_kind?: 'service' | 'partner';
  entry?: string;
  need?: Need[];
  population?: Population;
  language?: string;
  area?: string;
  h24?: 'yes';
  wheelchair?: 'yes';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;

export function parseRouteSearch(raw: Record<string, unknown>): RouteSearch {
  const search: RouteSearch = {};
  const kind = asString(raw.entry_kind);
  if (kind === 'service' || kind === 'partner') search.entry_kind = kind;
  const entry = asString(raw.entry);
  if (entry && UUID.test(entry)) search.entry = entry;
  const need = onlyCodes(asList(raw.need), NEEDS);
  if (need.length) search.need = need;
  const population = asString(raw.population);
  if (population && (POPULATIONS as readonly string[]).includes(population)) search.population = population as Population;
  const language = asString(raw.language)?.trim();
  if (language && LANGUAGE_TAG.test(language)) search.language = language;
  const area = asString(raw.area)?.trim().slice(0, 100);
  if (area) search.area = area;
  if (asString(raw.h24) === 'yes') search.h24 = 'yes';
  if (asString(raw.wheelchair) === 'yes') search.wheelchair = 'yes';
  return search;
}

/** The body of POST pathways/routes, or null while the question is incomplete. */
export function toRouteQuery(search: RouteSearch) {
  if (!search.entry || !search.entry_kind || !search.need?.length) return null;
  return {
    entry: { kind: search.entry_kind, id: search.entry },
    needs: search.need,
    population: search.population ?? null,
    language: search.language ?? null,
    area: search.area ?? null,
    needs_24_7: search.h24 === 'yes',
    needs_wheelchair: search.wheelchair === 'yes',
  };
}

/**
 * The pathway map's URL: one need, one area, whether health findings are highlighted, and
 * whether each pathway's referrals are shown, for which year (this UTC year when left out).
 */
export interface PathwayMapSearch {
  need?: Need;
  area?: string;
  findings?: 'show';
  referrals?: 'show';
  year?: number;
}

export function parsePathwayMapSearch(raw: Record<string, unknown>): PathwayMapSearch {
  const search: PathwayMapSearch = {};
  const need = asString(raw.need);
  if (need && (NEEDS as readonly string[]).includes(need)) search.need = need as Need;
  const area = asString(raw.area)?.trim().slice(0, 100);
  if (area) search.area = area;
  if (asString(raw.findings) === 'show') search.findings = 'show';
  if (asString(raw.referrals) === 'show') search.referrals = 'show';
  // The years the statistics count (as their own screen takes them).
  const year = Number(asString(raw.year));
  if (Number.isInteger(year) && year >= FIRST_STATS_YEAR && year <= new Date().getUTCFullYear() + 1) search.year = year;
  return search;
}

/** Pathway health's URL: the kinds of finding shown (all when none). */
export interface PathwayHealthSearch {
  kind?: FindingKind[];
}

export function parsePathwayHealthSearch(raw: Record<string, unknown>): PathwayHealthSearch {
  const kind = onlyCodes(asList(raw.kind), FINDING_KINDS);
  return kind.length ? { kind } : {};
}
