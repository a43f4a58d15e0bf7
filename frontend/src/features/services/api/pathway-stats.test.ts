import { describe, expect, it } from 'vitest';

import type { StatCount, StatsGroup, StatsRow } from '@/client';
import { parseStatsSearch } from '@/features/referrals/api/stats-search';
import { parseSearchString, stringifySearchObject } from '@/lib/search-params';

import { BUSIEST_EDGE_WIDTH, EDGE_WIDTH, edgeLooks, FINDING_EDGE_WIDTH, pathwayFigures, pathwayStatsSearch, yearsOffered } from './pathway-stats';
import { parsePathwayMapSearch } from './search';

const count = (value: number | null, suppressed = false): StatCount => ({ value, suppressed });
const hidden = count(null, true);

function row(group: StatsGroup, total: StatCount): StatsRow {
  const zero = count(0);
  const none = { value: null, suppressed: false };
  return {
    period: '2026',
    group,
    counts: { total, sent: total, received: zero, accepted: zero, declined: zero, completed: zero, revoked: zero, expired: zero },
    acceptance_rate_percent: none,
    minutes_to_receive_median: none,
    minutes_to_receive_p90: none,
    minutes_to_accept_median: none,
    minutes_to_accept_p90: none,
  };
}
const pathway = (id: string, total: StatCount) => row({ kind: 'pathway', id, code: null }, total);

const answer = {
  rows: [
    row({ kind: 'total', id: null, code: null }, count(40)),
    pathway('busy', count(25)),
    pathway('quiet', hidden),
    pathway('some', count(10)),
    row({ kind: 'off_pathway', id: 'partner-1', code: null }, count(5)),
  ],
};
const words = { formatNumber: (value: number) => value.toLocaleString('en'), hiddenWord: 'hidden' };

describe('pathway referrals on the map', () => {
  it('finds each pathway’s figures, leaving out the total and referrals off any pathway', () => {
    const figures = pathwayFigures(answer);
    expect([...figures.keys()].sort()).toEqual(['busy', 'quiet', 'some']);
    expect(figures.get('busy')?.counts.total.value).toBe(25);
  });

  it('labels a line with its published total, the hidden word where it is suppressed, and nothing without referrals', () => {
    const looks = edgeLooks(['busy', 'quiet', 'none'], { ...words, flagged: new Set(), figures: pathwayFigures(answer) });
    expect(looks.get('busy')).toMatchObject({ label: '25', suppressed: false });
    expect(looks.get('quiet')).toMatchObject({ label: 'hidden', suppressed: true });
    expect(looks.get('quiet')!.label).not.toMatch(/\d/);
    expect(looks.get('none')).toEqual({ label: '', suppressed: false, width: EDGE_WIDTH });
  });

  it('shows 0 only when the API publishes 0, and nothing for a total with nothing to show', () => {
    const figures = pathwayFigures({ rows: [pathway('zero', count(0)), pathway('blank', count(null))] });
    const looks = edgeLooks(['zero', 'blank'], { ...words, flagged: new Set(), figures });
    expect(looks.get('zero')!.label).toBe('0');
    expect(looks.get('blank')!.label).toBe('');
  });

  it('writes the total in the reader’s language', () => {
    const figures = pathwayFigures({ rows: [pathway('big', count(1250))] });
    expect(edgeLooks(['big'], { ...words, formatNumber: (value) => new Intl.NumberFormat('fr').format(value), flagged: new Set(), figures }).get('big')!.label).toMatch(/^1\s250$/);
  });

  it('draws the busiest line widest and a hidden total thin, never sized by what is withheld', () => {
    const looks = edgeLooks(['busy', 'some', 'quiet', 'none'], { ...words, flagged: new Set(), figures: pathwayFigures(answer) });
    expect(looks.get('busy')!.width).toBe(BUSIEST_EDGE_WIDTH);
    expect(looks.get('some')!.width).toBeGreaterThan(EDGE_WIDTH);
    expect(looks.get('some')!.width).toBeLessThan(BUSIEST_EDGE_WIDTH);
    expect(looks.get('quiet')!.width).toBe(EDGE_WIDTH);
  });

  it('keeps the finding marker beside the total, and labels nothing else without the referrals overlay', () => {
    const flagged = new Set(['quiet', 'none']);
    const on = edgeLooks(['busy', 'quiet', 'none'], { ...words, flagged, figures: pathwayFigures(answer) });
    expect(on.get('quiet')).toMatchObject({ label: '⚠ hidden', width: FINDING_EDGE_WIDTH });
    expect(on.get('none')!.label).toBe('⚠');
    const off = edgeLooks(['busy', 'quiet'], { ...words, flagged });
    expect(off.get('busy')).toEqual({ label: '', suppressed: false, width: EDGE_WIDTH });
    expect(off.get('quiet')!.label).toBe('⚠');
  });

  it('asks for the year by pathway, as the statistics screen reads its link', () => {
    const link = stringifySearchObject({ ...pathwayStatsSearch(2025) });
    expect(link).toBe('?group_by=pathway&period=year&year=2025');
    expect(parseStatsSearch(parseSearchString(link), 2026)).toEqual({ group_by: 'pathway', period: 'year', year: 2025 });
  });

  it('keeps the overlay and a year the statistics count in the map’s URL', () => {
    expect(parsePathwayMapSearch({ referrals: 'show', year: '2024' })).toEqual({ referrals: 'show', year: 2024 });
    expect(parsePathwayMapSearch({ referrals: 'yes', year: '1999' })).toEqual({});
    expect(parsePathwayMapSearch({ year: '2024.5' })).toEqual({});
    expect(parsePathwayMapSearch({ year: String(new Date().getUTCFullYear() + 5) })).toEqual({});
  });

  it('offers this year and the five before, and an older year asked for', () => {
    expect(yearsOffered(2026, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(yearsOffered(2026, 2010)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2010]);
  });
});
