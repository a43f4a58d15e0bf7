import { asList, asString, onlyCodes } from '@/lib/search-params';
import {
  LEVELS,
  PARTNER_SORTS,
  POPULATIONS,
  SECTORS,
  STAGES,
  type Level,
  type PartnerSort,
  type Population,
  type Sector,
  type Stage,
} from '@/lib/vocabulary';

/** The directory's URL: every filter of the API, the sort, and the stack of page cursors. */
export interface PartnerSearch {
  q?: string;
  sector?: Sector[];
  level?: Level[];
  stage?: Stage[];
  population?: Population[];
  language?: string[];
  area?: string[];
  tag?: string[];
  sort?: PartnerSort;
  /** Cursors of the pages before this one: the last is this page's; "previous" pops it. */
  cursor?: string[];
}

export const FILTER_KEYS = ['sector', 'level', 'stage', 'population', 'language', 'area', 'tag'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const PAGE_SIZE = 25;
const MAX_FREE_VALUES = 20;

function freeValues(value: unknown, maxLength: number): string[] | undefined {
  const values = [...new Set(asList(value).map((v) => v.trim()).filter((v) => v && v.length <= maxLength))];
  return values.length ? values.slice(0, MAX_FREE_VALUES) : undefined;
}

function codes<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const values = onlyCodes(asList(value), allowed);
  return values.length ? values : undefined;
}

/**
 * Reads the directory's search parameters from the URL, keeping only what the API
 * accepts: unknown codes and empty values are dropped rather than sent and refused, so
 * an edited or old link still opens a working page.
 */
export function parsePartnerSearch(raw: Record<string, unknown>): PartnerSearch {
  const search: PartnerSearch = {};
  const q = asString(raw.q)?.trim().slice(0, 200);
  if (q) search.q = q;
  const sector = codes(raw.sector, SECTORS);
  if (sector) search.sector = sector;
  const level = codes(raw.level, LEVELS);
  if (level) search.level = level;
  const stage = codes(raw.stage, STAGES);
  if (stage) search.stage = stage;
  const population = codes(raw.population, POPULATIONS);
  if (population) search.population = population;
  const language = freeValues(raw.language, 35);
  if (language) search.language = language;
  const area = freeValues(raw.area, 100);
  if (area) search.area = area;
  const tag = freeValues(raw.tag, 50);
  if (tag) search.tag = tag;
  const sort = asString(raw.sort);
  if (sort && (PARTNER_SORTS as readonly string[]).includes(sort) && sort !== 'name') search.sort = sort as PartnerSort;
  const cursor = asList(raw.cursor).filter((c) => c.length <= 4096);
  if (cursor.length) search.cursor = cursor;
  return search;
}

export function activeFilterCount(search: PartnerSearch): number {
  return FILTER_KEYS.reduce((count, key) => count + (search[key]?.length ?? 0), 0) + (search.q ? 1 : 0);
}

/** The list call's query: the filters, the sort, and this page's cursor. */
export function toListQuery(search: PartnerSearch) {
  return {
    q: search.q,
    sector: search.sector,
    level: search.level,
    stage: search.stage,
    population: search.population,
    language: search.language,
    area: search.area,
    tag: search.tag,
    sort: search.sort ?? 'name',
    cursor: search.cursor?.[search.cursor.length - 1],
    limit: PAGE_SIZE,
  };
}

/** A change of filter or sort starts again at the first page. */
export function withFilters(search: PartnerSearch, change: Partial<PartnerSearch>): PartnerSearch {
  const merged: PartnerSearch = { ...search, ...change, cursor: undefined };
  return Object.fromEntries(
    Object.entries(merged).filter(
      ([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  ) as PartnerSearch;
}

export function nextPage(search: PartnerSearch, nextCursor: string): PartnerSearch {
  return { ...search, cursor: [...(search.cursor ?? []), nextCursor] };
}

export function previousPage(search: PartnerSearch): PartnerSearch {
  const cursor = (search.cursor ?? []).slice(0, -1);
  const next: PartnerSearch = { ...search, cursor };
  if (cursor.length === 0) delete next.cursor;
  return next;
}
