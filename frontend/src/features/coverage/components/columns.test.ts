import { describe, expect, it } from 'vitest';

import type { CoveragePartner } from '@/client';

import { columnGroups } from './columns';

const partner = (name: string, sector: CoveragePartner['sector']): CoveragePartner => ({ id: name, name, acronym: null, sector, stage: 'active' });

describe('matrix column groups', () => {
  it('cuts the columns into one run per sector, keeping the API order', () => {
    const groups = columnGroups([partner('A', 'police'), partner('B', 'police'), partner('C', 'health'), partner('D', 'specialist_ngo')]);
    expect(groups.map((g) => [g.sector, g.partners.map((p) => p.name)])).toEqual([
      ['police', ['A', 'B']],
      ['health', ['C']],
      ['specialist_ngo', ['D']],
    ]);
  });

  it('has no group for no columns', () => {
    expect(columnGroups([])).toEqual([]);
  });
});
