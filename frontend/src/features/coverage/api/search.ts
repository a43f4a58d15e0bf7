import { asList, asString, onlyCodes } from '@/lib/search-params';
import { SECTORS, type Sector } from '@/lib/vocabulary';

/** The coverage screens' URL: sectors, areas and the "as of" day (YYYY-MM-DD). */
export interface CoverageSearch {
  sector?: Sector[];
  area?: string[];
  as_of?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function parseCoverageSearch(raw: Record<string, unknown>): CoverageSearch {
  const search: CoverageSearch = {};
  const sector = onlyCodes(asList(raw.sector), SECTORS);
  if (sector.length) search.sector = sector;
  const area = [...new Set(asList(raw.area).map((v) => v.trim()).filter((v) => v && v.length <= 100))].slice(0, 20);
  if (area.length) search.area = area;
  const asOf = asString(raw.as_of);
  if (asOf && isDay(asOf)) search.as_of = asOf;
  return search;
}

export function cleanCoverageSearch(search: CoverageSearch): CoverageSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as CoverageSearch;
}

export function toCoverageQuery(search: CoverageSearch) {
  return { sector: search.sector, area: search.area, as_of: search.as_of };
}

/** The role catalogue's URL: sectors, and whether retired roles are shown. */
export interface RoleSearch {
  sector?: Sector[];
  retired?: 'include';
}

export function parseRoleSearch(raw: Record<string, unknown>): RoleSearch {
  const search: RoleSearch = {};
  const sector = onlyCodes(asList(raw.sector), SECTORS);
  if (sector.length) search.sector = sector;
  if (asString(raw.retired) === 'include') search.retired = 'include';
  return search;
}
