import { describe, expect, it } from 'vitest';

import type { Gap, GapCandidate } from '@/client';

import { candidatesFor, gapSections } from './gapSections';

const role = (code: string, coverage: Gap['coverage'], holders: Gap['holders'] = []): Gap => ({
  kind: 'role_not_in_place',
  reason: code,
  role_id: code,
  role_code: code,
  coverage,
  holders,
});

describe('gap sections', () => {
  it('puts roles nobody covers first, then only planned, then in progress, then the other kinds', () => {
    const items: Gap[] = [
      role('a', 'in_progress'),
      { kind: 'review_overdue', reason: 'r', role_id: 'r', coverage: 'in_place' },
      role('b', 'planned'),
      role('c', null),
      { kind: 'active_partner_without_commitment', reason: 'p', partner_id: 'p' },
      role('d', null),
    ];
    expect(gapSections(items).map((g) => [g.section, g.items.map((gap) => gap.reason)])).toEqual([
      ['nobody', ['c', 'd']],
      ['planned', ['b']],
      ['in_progress', ['a']],
      ['review_overdue', ['r']],
      ['active_partner_without_commitment', ['p']],
    ]);
  });

  it('offers the candidates one may edit that do not hold the role yet', () => {
    const candidate = (id: string): GapCandidate => ({ id, name: id, acronym: null, sector: 'health', stage: 'active' });
    const gap = role('a', 'in_progress', [{ partner_id: 'held', partner_name: 'Held', status: 'in_progress' }]);
    const offered = candidatesFor(gap, [candidate('held'), candidate('mine'), candidate('theirs')], (id) => id !== 'theirs');
    expect(offered.map((c) => c.id)).toEqual(['mine']);
  });
});
