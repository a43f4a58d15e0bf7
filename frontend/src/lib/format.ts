import { useTranslation } from 'react-i18next';

import { languageName } from './languages';

/**
 * How far `iso` is from now, in words of the reader's language ("in 40 minutes",
 * "3 hours ago", "yesterday"): minutes within the hour, hours within two days, then days.
 */
export function relativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

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
    relative: (iso: string) => relativeTime(iso, locale),
    number: (value: number) => number.format(value),
    languageName: (tag: string) => languageName(tag, locale),
  };
}
