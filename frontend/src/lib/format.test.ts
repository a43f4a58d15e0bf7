import { describe, expect, it } from 'vitest';

import { relativeTime } from './format';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('relativeTime', () => {
  it('says minutes within the hour, hours within two days, then days', () => {
    expect(relativeTime(at(40), 'en', NOW)).toBe('in 40 minutes');
    expect(relativeTime(at(-180), 'en', NOW)).toBe('3 hours ago');
    expect(relativeTime(at(-3 * 24 * 60), 'en', NOW)).toBe('3 days ago');
  });

  it('speaks the reader’s language', () => {
    expect(relativeTime(at(-5), 'fr', NOW)).toBe('il y a 5 minutes');
    expect(relativeTime(at(120), 'es', NOW)).toBe('dentro de 2 horas');
  });
});
