import { describe, expect, it } from 'vitest';

import { parseRouteSearch, parseServiceSearch, toRouteQuery } from './search';

const ID = '49b3ff02-d1c5-4e39-8223-7de41226fc22';

describe('services search parameters', () => {
  it('keeps known service types and areas', () => {
    expect(parseServiceSearch({ type: ['shelter', 'castle'], area: ' North ', q: ' refuge ' })).toEqual({ type: ['shelter'], area: ['North'], q: 'refuge' });
  });

  it('the route finder keeps a valid question only', () => {
    expect(
      parseRouteSearch({ entry_kind: 'service', entry: ID, need: ['emergency_shelter', 'nonsense'], population: 'migrant', language: 'es', h24: 'yes', wheelchair: 'no' }),
    ).toEqual({ entry_kind: 'service', entry: ID, need: ['emergency_shelter'], population: 'migrant', language: 'es', h24: 'yes' });
    expect(parseRouteSearch({ entry: 'not-an-id', language: 'not a tag', population: 'aliens' })).toEqual({});
  });

  it('asks the API only once the entry point and a need are chosen', () => {
    expect(toRouteQuery({ entry_kind: 'service', entry: ID })).toBeNull();
    expect(toRouteQuery({ entry_kind: 'partner', entry: ID, need: ['housing'], wheelchair: 'yes' })).toEqual({
      entry: { kind: 'partner', id: ID },
      needs: ['housing'],
      population: null,
      language: null,
      area: null,
      needs_24_7: false,
      needs_wheelchair: true,
    });
  });
});
