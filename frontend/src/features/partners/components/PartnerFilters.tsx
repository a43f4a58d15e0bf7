import { Badge, Button, Collapse, Group, MultiSelect, Paper, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AreaPicker } from '@/components/AreaPicker';
import { LanguagePicker } from '@/components/LanguagePicker';
import { LEVELS, PARTNER_SORTS, POPULATIONS, SECTORS, STAGES, type PartnerSort } from '@/lib/vocabulary';

import { activeFilterCount, withFilters, type PartnerSearch } from '../api/search';

export function PartnerFilters({
  search,
  onChange,
}: {
  search: PartnerSearch;
  onChange: (next: PartnerSearch, options?: { replace?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(search.q ?? '');
  const [shownQ, setShownQ] = useState(search.q);
  const count = activeFilterCount(search) - (search.q ? 1 : 0);

  // The URL is the source of truth: back/forward or a shared link updates the box.
  if (shownQ !== search.q) {
    setShownQ(search.q);
    if (text.trim() !== (search.q ?? '')) setText(search.q ?? '');
  }
  const pushText = useDebouncedCallback((value: string) => {
    onChange(withFilters(search, { q: value.trim() || undefined }), { replace: true });
  }, 350);

  const options = <T extends string>(codes: readonly T[], prefix: string) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));

  const filters = (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
      <MultiSelect
        label={t('partners.filters.sector')}
        data={options(SECTORS, 'sector')}
        value={search.sector ?? []}
        onChange={(value) => onChange(withFilters(search, { sector: value as PartnerSearch['sector'] }))}
        searchable
        clearable
        placeholder={search.sector?.length ? undefined : t('partners.filters.any')}
        data-testid="filter-sector"
      />
      <MultiSelect
        label={t('partners.filters.stage')}
        data={options(STAGES, 'stage')}
        value={search.stage ?? []}
        onChange={(value) => onChange(withFilters(search, { stage: value as PartnerSearch['stage'] }))}
        clearable
        placeholder={search.stage?.length ? undefined : t('partners.filters.any')}
        data-testid="filter-stage"
      />
      <MultiSelect
        label={t('partners.filters.level')}
        data={options(LEVELS, 'level')}
        value={search.level ?? []}
        onChange={(value) => onChange(withFilters(search, { level: value as PartnerSearch['level'] }))}
        clearable
        placeholder={search.level?.length ? undefined : t('partners.filters.any')}
      />
      <MultiSelect
        label={t('partners.filters.population')}
        data={options(POPULATIONS, 'population')}
        value={search.population ?? []}
        onChange={(value) => onChange(withFilters(search, { population: value as PartnerSearch['population'] }))}
        searchable
        clearable
        placeholder={search.population?.length ? undefined : t('partners.filters.any')}
      />
      <LanguagePicker
        label={t('partners.filters.language')}
        description={t('languages.pickerHint')}
        value={search.language ?? []}
        onChange={(value) => onChange(withFilters(search, { language: value }))}
        clearable
        maxValues={20}
      />
      <AreaPicker
        label={t('partners.filters.area')}
        description={t('areas.filterHint')}
        value={search.area ?? []}
        onChange={(value) => onChange(withFilters(search, { area: value }))}
        clearable
        maxValues={20}
        data-testid="area-filter"
      />
      <TagsInput
        label={t('partners.filters.tag')}
        description={t('partners.filters.enterHint')}
        value={search.tag ?? []}
        onChange={(value) => onChange(withFilters(search, { tag: value }))}
        clearable
        maxTags={20}
      />
      <Select
        label={t('partners.sort.label')}
        data={PARTNER_SORTS.map((sort) => ({ value: sort, label: t(`partners.sort.${sort}`) }))}
        value={search.sort ?? 'name'}
        onChange={(value) => onChange(withFilters(search, { sort: value && value !== 'name' ? (value as PartnerSort) : undefined }))}
        allowDeselect={false}
      />
    </SimpleGrid>
  );

  return (
    <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-label={t('partners.filters.title')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          style={{ flex: '1 1 16rem' }}
          label={t('partners.filters.search')}
          placeholder={t('partners.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            pushText(event.currentTarget.value);
          }}
          type="search"
          data-testid="partner-search"
        />
        {!wide && (
          <Button
            variant="default"
            leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden="true" />}
            rightSection={count > 0 ? <Badge size="sm" circle>{count}</Badge> : null}
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls="partner-filters"
          >
            {t('partners.filters.toggle')}
          </Button>
        )}
        {activeFilterCount(search) > 0 && (
          <Button
            variant="subtle"
            leftSection={<IconX size={16} aria-hidden="true" />}
            onClick={() => onChange(search.sort ? { sort: search.sort } : {})}
          >
            {t('partners.filters.clear')}
          </Button>
        )}
      </Group>
      {wide ? (
        <div id="partner-filters" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          {filters}
        </div>
      ) : (
        <Collapse expanded={open} id="partner-filters">
          <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>{filters}</div>
        </Collapse>
      )}
    </Paper>
  );
}
