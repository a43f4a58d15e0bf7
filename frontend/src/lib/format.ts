import { useTranslation } from 'react-i18next';

import { languageName } from './languages';

/** Dates, numbers and language names in the reader's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  return {
    locale,
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
    date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
    number: (value: number) => number.format(value),
    languageName: (tag: string) => languageName(tag, locale),
  };
}
