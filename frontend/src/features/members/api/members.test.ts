import { describe, expect, it } from 'vitest';

import { acceptLink, expiresInWords, tokenFromHash } from './members';

describe('invitation links', () => {
  it('reads the token from the fragment only', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('token=abc')).toBe('abc');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });

  it('refuses a token the API would refuse', () => {
    expect(tokenFromHash('#token=a%20b')).toBeNull();
    expect(tokenFromHash(`#token=${'a'.repeat(201)}`)).toBeNull();
  });

  it('builds the full link from the answer', () => {
    expect(acceptLink('https://accord.example', '/invitations/accept#token=xyz')).toBe(
      'https://accord.example/invitations/accept#token=xyz',
    );
  });
});

describe('expiresInWords', () => {
  const now = Date.parse('2026-12-03T17:00:00Z');
  it('says how long a reset link lasts, in the reader’s language', () => {
    expect(expiresInWords('2026-12-04T17:00:00Z', 'en', now)).toBe('in 24 hours');
    expect(expiresInWords('2026-12-04T17:00:00Z', 'fr', now)).toBe('dans 24 heures');
    expect(expiresInWords('2026-12-06T17:00:00Z', 'es', now)).toBe('dentro de 3 días');
  });
});
