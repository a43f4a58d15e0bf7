/**
 * The router's search-string format: plain repeated parameters
 * (`?sector=health&sector=police&q=shelter`), as the API takes them, so a filtered view
 * is a readable, shareable link (the router's default would write JSON).
 */
export type RawSearch = Record<string, string | string[]>;

export function parseSearchString(search: string): RawSearch {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const result: RawSearch = {};
  for (const [key, value] of params) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

export function stringifySearchObject(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== undefined && item !== null && item !== '') params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A parameter as a list of strings, whether it came once, repeated, or not at all. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item !== '');
  if (typeof value === 'string' && value !== '') return [value];
  if (typeof value === 'number') return [String(value)];
  return [];
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return asString(value[value.length - 1]);
  return undefined;
}

/** Keeps only the values that are among the allowed codes, in the given order, deduplicated. */
export function onlyCodes<T extends string>(values: readonly string[], allowed: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value): value is T => {
    if (!(allowed as readonly string[]).includes(value) || seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
