import { describe, expect, it } from 'vitest';

import { asList, parseSearchString, stringifySearchObject } from './search-params';

describe('search string format', () => {
  it('reads repeated parameters as lists', () => {
    expect(parseSearchString('?sector=health&sector=police&q=shelter%20one')).toEqual({
      sector: ['health', 'police'],
      q: 'shelter one',
    });
  });

  it('writes lists as repeated parameters and skips empty values', () => {
    expect(stringifySearchObject({ sector: ['health', 'police'], q: 'a b', empty: '', none: undefined, list: [] })).toBe(
      '?sector=health&sector=police&q=a+b',
    );
    expect(stringifySearchObject({})).toBe('');
  });

  it('round-trips', () => {
    const search = { stage: ['met', 'active'], cursor: ['abc=', 'def/+'], sort: '-name' };
    expect(parseSearchString(stringifySearchObject(search))).toEqual(search);
  });

  it('normalises one or many values into a list', () => {
    expect(asList('x')).toEqual(['x']);
    expect(asList(['x', '', 'y'])).toEqual(['x', 'y']);
    expect(asList(undefined)).toEqual([]);
  });
});
