import { describe, expect, it } from 'vitest';

import { languageMatches, languageName, languageOptions, typedTag } from './languages';

describe('languageName', () => {
  it('names a language in the interface language', () => {
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('es', 'fr')).toBe('Espagnol');
    expect(languageName('es', 'es')).toBe('Español');
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('en', 'fr')).toBe('Anglais');
  });

  it('names regional tags and falls back to the code when no name is known', () => {
    expect(languageName('es-MX', 'en')).toContain('Spanish');
    expect(languageName('qqq', 'en')).toBe('qqq');
    expect(languageName('not a tag', 'en')).toBe('not a tag');
  });
});

describe('languageMatches', () => {
  it('finds a language by its name in any interface language, its own name or code', () => {
    for (const typed of ['Spanish', 'span', 'espagnol', 'Español', 'espanol', 'es']) {
      expect(languageMatches('es', typed)).toBe(true);
    }
    expect(languageMatches('es', 'French')).toBe(false);
    expect(languageMatches('ar', 'arabe')).toBe(true);
  });
});

describe('languageOptions', () => {
  it('lists common languages by name, sorted in the interface language, keeping the record’s own tags', () => {
    const options = languageOptions('fr', ['es-MX']);
    const labels = options.map((o) => o.label);
    expect(labels).toContain('Espagnol');
    expect(options.find((o) => o.value === 'es-MX')).toBeDefined();
    expect([...labels].sort((a, b) => a.localeCompare(b, 'fr'))).toEqual(labels);
    const filtered = options.filter((o) => languageMatches(o.value, 'Spanish'));
    expect(filtered.map((o) => o.value)).toEqual(expect.arrayContaining(['es', 'es-MX']));
  });

  it('accepts a typed valid tag, canonical', () => {
    expect(typedTag('es-mx')).toBe('es-MX');
    expect(typedTag('Spanish')).toBe(null);
  });
});
