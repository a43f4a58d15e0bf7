import { describe, expect, it } from 'vitest';

import { acceptLink, tokenFromHash } from './members';

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
