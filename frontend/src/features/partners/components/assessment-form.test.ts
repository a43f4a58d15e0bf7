import { describe, expect, it } from 'vitest';

import { formToAssessmentUpdate, scoreError } from './assessment-form';
import { EMPTY_PARTNER_FORM, formToPartnerUpdate, LANGUAGE_TAG } from './partner-form';

describe('assessment form', () => {
  it('accepts empty or whole numbers from 1 to 5', () => {
    for (const ok of ['', 1, 3, 5, '4']) expect(scoreError(ok)).toBeNull();
    for (const bad of [0, 6, 2.5, 'x', -1]) expect(scoreError(bad)).toBe('range');
  });

  it('sends null for empty scores and risks', () => {
    expect(
      formToAssessmentUpdate({
        trusted_by_survivors: '',
        connected_respected: 3,
        influence: '4',
        commitment: '',
        risks: '  ',
        champion: true,
        decision_authority: 'limited',
      }),
    ).toEqual({
      trusted_by_survivors: null,
      connected_respected: 3,
      influence: 4,
      commitment: null,
      risks: null,
      champion: true,
      decision_authority: 'limited',
    });
  });
});

describe('partner form', () => {
  it('a PATCH carries only what changed, never the stage', () => {
    const initial = { ...EMPTY_PARTNER_FORM, name: 'Shelter', sector: 'specialist_ngo' as const, tags: ['a'] };
    expect(formToPartnerUpdate({ ...initial, stage: 'active', tags: ['a', 'b'], website: ' ' }, initial)).toEqual({ tags: ['a', 'b'] });
    expect(formToPartnerUpdate({ ...initial, acronym: 'SH' }, initial)).toEqual({ acronym: 'SH' });
  });

  it('checks language tags like the API', () => {
    for (const ok of ['en', 'es-MX', 'sr-Latn', 'es-419']) expect(LANGUAGE_TAG.test(ok)).toBe(true);
    for (const bad of ['e', 'english', 'en_GB']) expect(LANGUAGE_TAG.test(bad)).toBe(false);
  });
});
