import { useTranslation } from 'react-i18next';

/** A whole number of minutes in the largest unit it fills exactly: 2880 is 2 days, 90 stays 90 minutes. */
export function durationParts(minutes: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  if (minutes > 0 && minutes % 1440 === 0) return { unit: 'days', count: minutes / 1440 };
  if (minutes > 0 && minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'minutes', count: minutes };
}

/** "2 days", "1 hour", "90 minutes", in the reader's language. */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const { unit, count } = durationParts(minutes);
    return t(`referrals.duration.${unit}`, { count });
  };
}
