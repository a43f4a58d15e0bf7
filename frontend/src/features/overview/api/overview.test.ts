import { describe, expect, it } from 'vitest';

import type { OverviewItem } from '@/client';
import { parsePathwayHealthSearch, parseServiceSearch } from '@/features/services/api/search';

import { groupBySeverity } from './overview';

const item = (kind: OverviewItem['kind'], severity: OverviewItem['severity'], count = 1): OverviewItem => ({
  kind,
  severity,
  count,
  title: kind,
  summary: '',
  link: { screen: 'coverage_gaps', filters: {} },
});

describe('groupBySeverity', () => {
  it('puts the most pressing first and leaves out empty severities', () => {
    const groups = groupBySeverity([item('partners_unassessed', 'low'), item('roles_uncovered', 'high'), item('capacity_out_of_date', 'high')]);
    expect(groups.map((g) => g.severity)).toEqual(['high', 'low']);
    expect(groups[0]?.items.map((i) => i.kind)).toEqual(['roles_uncovered', 'capacity_out_of_date']);
  });

  it('has nothing to show when nothing needs attention', () => {
    expect(groupBySeverity([])).toEqual([]);
  });
});

describe('the filters an item links with', () => {
  it('reach the services list as its URL reads them', () => {
    expect(parseServiceSearch({ type: ['shelter', 'crisis_centre'], status: ['active'], capacity: ['unknown', 'nonsense'] })).toEqual({
      type: ['shelter', 'crisis_centre'],
      status: ['active'],
      capacity: ['unknown'],
    });
  });

  it('reach pathway health as its URL reads them', () => {
    expect(parsePathwayHealthSearch({ kind: ['dead_end', 'made_up'] })).toEqual({ kind: ['dead_end'] });
    expect(parsePathwayHealthSearch({})).toEqual({});
  });
});
