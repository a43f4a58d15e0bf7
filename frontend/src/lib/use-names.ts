import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useAreaNames } from './areas';
import { languageName } from './languages';

/** Names for the codes a screen shows: languages and areas, in the interface language. */
export function useNames() {
  const { i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'en';
  const language = useCallback((code: string) => languageName(code, ui), [ui]);
  const area = useAreaNames();
  return { language, area };
}
