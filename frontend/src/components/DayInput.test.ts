import { describe, expect, it } from 'vitest';

import { parseTypedDay } from './DayInput';

describe('parseTypedDay', () => {
  it('reads a day typed day first, as in all three interface languages', () => {
    expect(parseTypedDay('25/12/2026')).toBe('2026-12-25');
    expect(parseTypedDay(' 5/1/2027 ')).toBe('2027-01-05');
    expect(parseTypedDay('05.01.2027')).toBe('2027-01-05');
  });

  it('reads the API form too', () => {
    expect(parseTypedDay('2026-12-25')).toBe('2026-12-25');
  });

  it('refuses what is not a day, never guessing month first', () => {
    expect(parseTypedDay('12/25/2026')).toBeNull();
    expect(parseTypedDay('31/02/2026')).toBeNull();
    expect(parseTypedDay('tomorrow')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });
});
