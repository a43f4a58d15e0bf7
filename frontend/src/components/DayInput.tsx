import '@mantine/dates/styles.css';
import 'dayjs/locale/es';
import 'dayjs/locale/fr';

import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

/** How a day is shown and typed: day first in all three interface languages. */
export const DAY_FORMAT = 'DD/MM/YYYY';
const TYPED_FORMATS = [DAY_FORMAT, 'D/M/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD'];

/** A typed day ("25/12/2026", "2026-12-25") as the API's YYYY-MM-DD, or null. */
export function parseTypedDay(input: string): string | null {
  const day = dayjs(input.trim(), TYPED_FORMATS, true);
  return day.isValid() ? day.format('YYYY-MM-DD') : null;
}

type DayInputProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The day as the API has it (YYYY-MM-DD), or '' for none. */
  value?: string | null;
  onChange?: (value: string) => void;
};

/** A date field in the interface language (month names, day-first typing, a calendar),
 * whatever the browser's own locale: the browser's date input follows the browser, not
 * the page. The value stays the API's YYYY-MM-DD. */
export function DayInput({ value, onChange, ...props }: DayInputProps) {
  const { i18n, t } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat={DAY_FORMAT}
        placeholder={t('common.dayPlaceholder')}
        dateParser={parseTypedDay}
        clearable
        {...props}
        value={value || null}
        onChange={(next) => onChange?.(next ? dayjs(next).format('YYYY-MM-DD') : '')}
      />
    </DatesProvider>
  );
}
