import { describe, expect, it } from 'vitest';

import { cleanCoverageSearch, isDay, parseCoverageSearch, parseRoleSearch, toCoverageQuery } from './search';

describe('coverage search parameters', () => {
  it('keeps known sectors, trimmed areas and a real day', () => {
    expect(parseCoverageSearch({ sector: ['health', 'nonsense', 'health', 'police'], area: [' North ', '', 'North'], as_of: '2026-11-01' })).toEqual({
      sector: ['health', 'police'],
      area: ['North'],
      as_of: '2026-11-01',
    });
  });

  it('drops an impossible or malformed date', () => {
    expect(parseCoverageSearch({ as_of: '2026-02-30' })).toEqual({});
    expect(parseCoverageSearch({ as_of: 'yesterday' })).toEqual({});
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
  });

  it('a single value becomes a list; empty values disappear', () => {
    expect(parseCoverageSearch({ sector: 'justice' })).toEqual({ sector: ['justice'] });
    expect(cleanCoverageSearch({ sector: [], area: undefined, as_of: '' })).toEqual({});
  });

  it('the API query carries the filters as they are', () => {
    expect(toCoverageQuery({ sector: ['health'], as_of: '2026-01-31' })).toEqual({ sector: ['health'], area: undefined, as_of: '2026-01-31' });
  });

  it('the role catalogue keeps sectors and the retired switch', () => {
    expect(parseRoleSearch({ sector: ['media', 'x'], retired: 'include' })).toEqual({ sector: ['media'], retired: 'include' });
    expect(parseRoleSearch({ retired: 'yes' })).toEqual({});
  });
});
