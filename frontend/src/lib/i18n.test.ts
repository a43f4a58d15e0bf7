import { afterEach, describe, expect, it } from 'vitest';

import i18n from '@/lib/i18n';

describe('numbers inside translated texts', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it.each([
    ['en', '12,345 partners'],
    ['fr', '12\u202f345 partenaires'],
    ['es', '12.345 socios'],
  ])('%s writes a total with its own separators', async (language, expected) => {
    await i18n.changeLanguage(language);
    expect(i18n.t('partners.total', { count: 12345 })).toBe(expected);
  });

  it('keeps the plural form and formats small counts too', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('partners.total', { count: 1 })).toBe('1 partenaire');
    expect(i18n.t('validation.maxLength', { max: 4000 })).toContain('4\u202f000');
  });
});
