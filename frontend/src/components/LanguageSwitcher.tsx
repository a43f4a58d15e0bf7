import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '@/lib/i18n';

// Each language is named in itself, so anyone can find theirs whatever is shown now.
const NATIVE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

export function LanguageSwitcher() {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('language.interface')}
      data={LANGUAGES.map((code) => ({ value: code, label: NATIVE_NAMES[code] }))}
      value={currentLanguage()}
      onChange={(value) => value && void changeLanguage(value as Language)}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} aria-hidden="true" />}
      w={140}
      comboboxProps={{ withinPortal: true }}
      data-testid="language-switcher"
    />
  );
}
