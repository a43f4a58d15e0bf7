import { describe, expect, it } from 'vitest';

import { durationParts } from './duration';

describe('durationParts', () => {
  it('says a time in the largest unit it fills exactly', () => {
    expect(durationParts(2880)).toEqual({ unit: 'days', count: 2 });
    expect(durationParts(240)).toEqual({ unit: 'hours', count: 4 });
    expect(durationParts(60)).toEqual({ unit: 'hours', count: 1 });
    expect(durationParts(90)).toEqual({ unit: 'minutes', count: 90 });
    expect(durationParts(15)).toEqual({ unit: 'minutes', count: 15 });
  });
});
