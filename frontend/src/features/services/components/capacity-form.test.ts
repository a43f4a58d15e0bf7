import { describe, expect, it } from 'vitest';

import { capacityProblem } from './capacity-form';

describe('capacityProblem', () => {
  it('refuses accepting with no bed free', () => {
    expect(capacityProblem('accepting', 0, null)).toEqual({ key: 'acceptingWithoutBeds' });
  });
  it('refuses full with beds free', () => {
    expect(capacityProblem('full', 2, null)).toEqual({ key: 'fullWithBeds', free: 2 });
  });
  it('refuses more beds free than beds in all', () => {
    expect(capacityProblem('accepting', 13, 12)).toEqual({ key: 'freeAboveTotal', free: 13, total: 12 });
  });
  it('accepts what is consistent, and accepting without a count', () => {
    expect(capacityProblem('accepting', 3, 12)).toBeNull();
    expect(capacityProblem('accepting', null, null)).toBeNull();
    expect(capacityProblem('full', 0, 12)).toBeNull();
    expect(capacityProblem('waitlist', null, null)).toBeNull();
  });
});
