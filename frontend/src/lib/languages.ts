/**
 * Language names for people, codes for the API.
 *
 * The API stores BCP 47 tags (`es`, `es-MX`, `sr-Latn`); people read and type names in
 * the interface language ("Spanish", "espagnol", "español"). Names come from the
 * browser's CLDR data through `Intl.DisplayNames`: a maintained source, no list of our own
 * to translate. Only which languages a picker offers is ours (`COMMON_LANGUAGES`).
 */

/** The interface languages: a picker matches a name typed in any of them. */
export const UI_LANGUAGES = ['en', 'fr', 'es'] as const;

/**
 * What pickers offer before anything is typed: the languages support services in Europe,
 * the Americas and Africa most often work in or interpret. Any other valid tag can still
 * be typed and kept (`languageOptions` adds what a record already has).
 */
export const COMMON_LANGUAGES = [
  'am', 'ar', 'bg', 'bn', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fa',
  'ff', 'fi', 'fr', 'gl', 'ha', 'he', 'hi', 'hr', 'ht', 'hu', 'hy', 'id', 'ig', 'it', 'ja',
  'ka', 'km', 'ko', 'ku', 'ln', 'lt', 'lv', 'mk', 'ms', 'nl', 'no', 'om', 'pa', 'pl', 'ps',
  'pt', 'qu', 'ro', 'ru', 'rw', 'sk', 'sl', 'so', 'sq', 'sr', 'sv', 'sw', 'ta', 'th', 'ti',
  'tl', 'tr', 'uk', 'ur', 'uz', 'vi', 'wo', 'yo', 'zh', 'zu', 'gn', 'ay', 'nah', 'sgn',
] as const;

export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale) ?? null;
}

function capitalised(name: string, locale: string): string {
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The language's name in `uiLanguage` ("espagnol" for `es` in French), or the code
 * itself when the browser knows no name for it. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = namesIn(uiLanguage)?.of(code);
    return name ? capitalised(name, uiLanguage) : code;
  } catch {
    return code;
  }
}

/** Lowercase, without accents: "Español" and "espanol" compare equal. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();
}

/** Every name a person may type for `code`: in each interface language, in the language
 * itself ("español", "العربية") and the code. */
export function languageSearchTerms(code: string): string[] {
  const terms = new Set<string>([folded(code)]);
  for (const locale of [...UI_LANGUAGES, code]) {
    const name = languageName(code, locale);
    if (name !== code) terms.add(folded(name));
  }
  return [...terms];
}

/** Whether `query` ("Spanish", "espagnol", "es") names the language `code`. */
export function languageMatches(code: string, query: string): boolean {
  const wanted = folded(query);
  if (!wanted) return true;
  return languageSearchTerms(code).some((term) => term.includes(wanted));
}

export interface LanguageOption {
  value: string;
  label: string;
}

/** Options for a picker, named in `uiLanguage` and sorted by that name; `extra` (the
 * record's own tags, such as `es-MX`) are kept even when they are not common. */
export function languageOptions(uiLanguage: string, extra: readonly string[] = []): LanguageOption[] {
  const codes = new Set<string>([...COMMON_LANGUAGES, ...extra]);
  const collator = new Intl.Collator(uiLanguage);
  return [...codes]
    .map((code) => ({ value: code, label: languageName(code, uiLanguage) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** A typed value that is not a common language but is a valid tag (`es-MX`, `sr-Latn`):
 * offered as is, named when the browser knows it. */
export function typedTag(query: string): string | null {
  const tag = query.trim();
  if (!LANGUAGE_TAG.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
