import { describe, expect, it } from 'vitest';

import { PAGE_SIZE, nextPage, parsePartnerSearch, previousPage, toListQuery, withFilters } from './search';

describe('parsePartnerSearch', () => {
  it('keeps every API filter, as lists', () => {
    expect(
      parsePartnerSearch({
        q: ' shelter ',
        sector: 'health',
        level: ['local', 'national'],
        stage: ['met'],
        population: 'migrant',
        language: ['es', 'en'],
        area: 'old-town',
        tag: ['outreach'],
        sort: '-stage',
      }),
    ).toEqual({
      q: 'shelter',
      sector: ['health'],
      level: ['local', 'national'],
      stage: ['met'],
      population: ['migrant'],
      language: ['es', 'en'],
      area: ['old-town'],
      tag: ['outreach'],
      sort: '-stage',
    });
  });

  it('drops unknown codes, duplicates, empty values and the default sort', () => {
    expect(parsePartnerSearch({ sector: ['health', 'nonsense', 'health'], stage: '', sort: 'name', q: '  ' })).toEqual({
      sector: ['health'],
    });
    expect(parsePartnerSearch({ sort: 'drop table' })).toEqual({});
  });

  it('keeps the cursor stack in order', () => {
    expect(parsePartnerSearch({ cursor: ['a', 'b'] }).cursor).toEqual(['a', 'b']);
  });
});

describe('paging and filtering', () => {
  it('sends the last cursor of the stack with the filters', () => {
    const query = toListQuery({ sector: ['police'], cursor: ['first', 'second'] });
    expect(query).toMatchObject({ sector: ['police'], cursor: 'second', sort: 'name', limit: PAGE_SIZE });
  });

  it('next pushes and previous pops a cursor', () => {
    const page2 = nextPage({ q: 'x' }, 'c1');
    expect(page2).toEqual({ q: 'x', cursor: ['c1'] });
    expect(previousPage(nextPage(page2, 'c2'))).toEqual(page2);
    expect(previousPage(page2)).toEqual({ q: 'x' });
  });

  it('a changed filter starts again at the first page and drops empty filters', () => {
    expect(withFilters({ q: 'x', cursor: ['c1'], stage: ['met'] }, { stage: [] })).toEqual({ q: 'x' });
  });
});
