import { Button, Group, MultiSelect, Paper, SimpleGrid } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AreaPicker } from '@/components/AreaPicker';
import { SECTORS } from '@/lib/vocabulary';

import { cleanCoverageSearch, isDay, type CoverageSearch } from '../api/search';
import { DayInput } from '@/components/DayInput';

export function CoverageFilters({ search, onChange }: { search: CoverageSearch; onChange: (next: CoverageSearch) => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(search.as_of ?? '');
  const [shownDay, setShownDay] = useState(search.as_of);
  // The URL is the source of truth: back/forward updates the date box.
  if (shownDay !== search.as_of) {
    setShownDay(search.as_of);
    setDay(search.as_of ?? '');
  }
  const active = (search.sector?.length ?? 0) + (search.area?.length ?? 0) + (search.as_of ? 1 : 0);
  const change = (patch: Partial<CoverageSearch>) => onChange(cleanCoverageSearch({ ...search, ...patch }));

  return (
    <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-label={t('coverage.filters.title')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <MultiSelect
          label={t('coverage.filters.sector')}
          data={SECTORS.map((code) => ({ value: code, label: t(`sector.${code}`) }))}
          value={search.sector ?? []}
          onChange={(value) => change({ sector: value as CoverageSearch['sector'] })}
          searchable
          clearable
          placeholder={search.sector?.length ? undefined : t('partners.filters.any')}
          data-testid="coverage-sector"
        />
        <AreaPicker
          label={t('coverage.filters.area')}
          description={t('areas.filterHint')}
          value={search.area ?? []}
          onChange={(value) => change({ area: value })}
          clearable
          maxValues={20}
        />
        <DayInput
          label={t('coverage.filters.asOf')}
          description={t('coverage.filters.asOfHint')}
          value={day}
          onChange={(value) => {
            setDay(value);
            if (value === '' || isDay(value)) change({ as_of: value || undefined });
          }}
          data-testid="coverage-as-of"
        />
      </SimpleGrid>
      {active > 0 && (
        <Group mt="sm">
          <Button variant="subtle" leftSection={<IconX size={16} aria-hidden="true" />} onClick={() => onChange({})}>
            {t('partners.filters.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
