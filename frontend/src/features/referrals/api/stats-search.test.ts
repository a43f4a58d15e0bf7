import { describe, expect, it } from 'vitest';

import { parseStatsSearch, toStatsQuery, withStats } from './stats-search';

describe('parseStatsSearch', () => {
  it('keeps the known grouping, period, a plausible year and a partner id', () => {
    const id = '0b6f0e9c-6a5e-4a57-9c2c-3f1f5c7a9d10';
    expect(parseStatsSearch({ group_by: 'pathway', period: 'quarter', year: '2025', partner_id: id.toUpperCase() }, 2026)).toEqual({ group_by: 'pathway', period: 'quarter', year: 2025, partner_id: id });
  });
  it('drops anything else', () => {
    expect(parseStatsSearch({ group_by: 'sender_reference', period: 'week', year: '1999', partner_id: 'Casa Luna' }, 2026)).toEqual({});
    expect(parseStatsSearch({ year: '2030' }, 2026)).toEqual({});
  });
});

describe('withStats', () => {
  it('leaves nothing empty in the URL and passes the rest to the API as named', () => {
    const search = withStats({ group_by: 'need', partner_id: 'x' }, { partner_id: undefined, year: 2025 });
    expect(search).toEqual({ group_by: 'need', year: 2025 });
    expect(toStatsQuery(search)).toEqual({ group_by: 'need', period: undefined, year: 2025, partner_id: undefined });
  });
});
