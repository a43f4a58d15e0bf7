import { describe, expect, it } from 'vitest';

import { createEscapeCounter } from './quick-exit';

describe('createEscapeCounter', () => {
  it('fires on the third Escape within 1.5 s', () => {
    const press = createEscapeCounter();
    expect(press('Escape', 0)).toBe(false);
    expect(press('Escape', 400)).toBe(false);
    expect(press('Escape', 1200)).toBe(true);
  });

  it('does not fire when the presses are too far apart', () => {
    const press = createEscapeCounter();
    expect(press('Escape', 0)).toBe(false);
    expect(press('Escape', 1000)).toBe(false);
    expect(press('Escape', 2000)).toBe(false); // the first press is now older than 1.5 s
    expect(press('Escape', 2400)).toBe(true); // …but these three are within the window
  });

  it('ignores other keys without resetting the count', () => {
    const press = createEscapeCounter();
    press('Escape', 0);
    expect(press('a', 100)).toBe(false);
    press('Escape', 200);
    expect(press('Escape', 300)).toBe(true);
  });

  it('starts counting again after firing', () => {
    const press = createEscapeCounter();
    press('Escape', 0);
    press('Escape', 100);
    expect(press('Escape', 200)).toBe(true);
    expect(press('Escape', 300)).toBe(false);
  });
});
