import { MultiSelect, Select, type ComboboxParsedItem, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { languageMatches, languageOptions, typedTag } from '@/lib/languages';

const NONE: string[] = [];

/** Options named in the interface language; typing a name in English, French or Spanish
 * ("Spanish", "espagnol"), the language's own name or its code finds it. */
function useLanguageData(values: readonly string[], search: string) {
  const { i18n } = useTranslation();
  const ui = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const typed = typedTag(search);
    return languageOptions(ui, typed ? [...values, typed] : values);
  }, [ui, values, search]);
}

function filter({ options, search }: { options: ComboboxParsedItem[]; search: string }): ComboboxParsedItem[] {
  return options.filter((option) => 'value' in option && (languageMatches(option.value, search) || option.label.toLowerCase().includes(search.toLowerCase().trim())));
}

type LanguagePickerProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'filter' | 'searchable'> & {
  value?: string[];
  onChange?: (value: string[]) => void;
};

/** Several languages (a service's, a partner's, a filter). The API keeps BCP 47 codes. */
export function LanguagePicker({ value = NONE, onChange = () => undefined, ...props }: LanguagePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const data = useLanguageData(value, search);
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      limit={30}
      nothingFoundMessage={t('languages.nothingFound')}
      hidePickedOptions
    />
  );
}

type LanguageSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter' | 'searchable'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** One language (the route finder's question). */
export function LanguageSelect({ value = null, onChange = () => undefined, ...props }: LanguageSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const values = useMemo(() => (value ? [value] : []), [value]);
  const data = useLanguageData(values, search);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      onSearchChange={setSearch}
      filter={filter}
      limit={30}
      clearable
      nothingFoundMessage={t('languages.nothingFound')}
    />
  );
}
