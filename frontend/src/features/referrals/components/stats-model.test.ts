import { describe, expect, it } from 'vitest';

import type { StatsGroup, StatsRow } from '@/client';

import { buildStatsTable, formatMinutes, formatPercent, periodLabel, statDisplay } from './stats-model';

const count = (value: number | null, suppressed = false) => ({ value, suppressed });

function row(period: string, group: Partial<StatsGroup>, total: number | null, suppressed = false): StatsRow {
  const zero = count(0);
  return {
    period,
    group: { kind: 'total', id: null, code: null, ...group },
    counts: { total: count(total, suppressed), sent: zero, received: zero, accepted: zero, declined: zero, completed: zero, revoked: zero, expired: zero },
    acceptance_rate_percent: count(null),
    minutes_to_receive_median: count(null),
    minutes_to_receive_p90: count(null),
    minutes_to_accept_median: count(null),
    minutes_to_accept_p90: count(null),
  };
}

const names: Record<string, string> = { a: 'Zeta refuge', b: 'Alpha police', c: 'Alpha police' };
const nameOf = (group: StatsGroup) => (group.kind === 'total' ? 'All' : (names[group.id ?? ''] ?? group.code ?? ''));

describe('statDisplay', () => {
  it('shows a suppressed figure as suppressed, whatever value came with it', () => {
    expect(statDisplay(count(null, true))).toEqual({ kind: 'suppressed' });
    expect(statDisplay(count(5, true))).toEqual({ kind: 'suppressed' });
  });
  it('keeps zero a number, and nothing to compute from unknown (never 0)', () => {
    expect(statDisplay(count(0))).toEqual({ kind: 'value', value: 0 });
    expect(statDisplay(count(null))).toEqual({ kind: 'unknown' });
    expect(statDisplay(undefined)).toEqual({ kind: 'unknown' });
  });
});

describe('buildStatsTable', () => {
  const answer = {
    rows: [
      row('2026-Q1', { kind: 'partner', id: 'a' }, 15),
      row('2026-Q1', { kind: 'total' }, null, true),
      row('2026-Q1', { kind: 'off_pathway', id: 'b' }, 0),
      row('2026-Q1', { kind: 'partner', id: 'b' }, null, true),
      row('2026-Q2', { kind: 'total' }, 20),
      row('2026-Q2', { kind: 'partner', id: 'a' }, 20),
      row('2026-Q2', { kind: 'network', code: 'north' }, 0),
    ],
  };
  const model = buildStatsTable(answer, nameOf);

  it('puts a group per row, the total first, then networks, partners by name, and off-pathway rows after', () => {
    expect(model.groups.map((g) => g.key)).toEqual(['total:', 'network:north', 'partner:b', 'partner:a', 'off_pathway:b']);
  });
  it('makes a column per period in the answer’s order, each group’s cell the row of that period', () => {
    expect(model.periods).toEqual(['2026-Q1', '2026-Q2']);
    const shelter = model.groups.find((g) => g.key === 'partner:a');
    expect(shelter?.cells.get('2026-Q1')?.counts.total.value).toBe(15);
    expect(model.groups.find((g) => g.key === 'network:north')?.cells.has('2026-Q1')).toBe(false);
  });
  it('is empty only when every total is exactly zero: a suppressed total is not nothing', () => {
    expect(model.empty).toBe(false);
    expect(buildStatsTable({ rows: [row('2001', {}, 0), row('2001', { kind: 'partner', id: 'a' }, 0)] }, nameOf).empty).toBe(true);
    expect(buildStatsTable({ rows: [row('2026', {}, null, true)] }, nameOf).empty).toBe(false);
  });
});

describe('formatting', () => {
  it('writes times as hours and minutes in the reader’s language', () => {
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(125.4, 'en')).toBe('2 hr 5 min');
    expect(formatMinutes(120, 'en')).toBe('2 hr');
    // French spaces its units with a narrow no-break space.
    expect(formatMinutes(125, 'fr').replace(/\s/g, ' ')).toBe('2 h 5 min');
    expect(formatMinutes(0, 'es')).toBe('0 min');
  });
  it('names months and quarters', () => {
    expect(periodLabel('2026-03', 'en', () => '')).toBe('Mar 2026');
    expect(periodLabel('2026-Q2', 'fr', (q, y) => `T${q} ${y}`)).toBe('T2 2026');
    expect(periodLabel('2026', 'es', () => '')).toBe('2026');
  });
  it('writes whole percents', () => {
    expect(formatPercent(67, 'en')).toBe('67%');
    expect(formatPercent(67, 'fr')).toMatch(/^67\s%$/);
  });
});
