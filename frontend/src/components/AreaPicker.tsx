import { Group, MultiSelect, Select, Text, type ComboboxItem, type ComboboxParsedItem, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { areaEntries, areaMatches, useAreaTree, useCurrentNetwork, type AreaEntry } from '@/lib/areas';

const NONE: string[] = [];

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface AreaItem extends ComboboxItem {
  depth: number;
  path: string;
}

/**
 * Areas from the network's gazetteer, named in the interface language and indented under
 * the area they sit in. Typing a name in English, French or Spanish or a code finds it.
 * Codes a record already has that the gazetteer does not know stay, shown as the code;
 * a new code can be typed (`riverside-port`) when the gazetteer has no such area yet.
 */
function useAreaData(network: string | undefined, values: readonly string[], search: string) {
  const { i18n } = useTranslation();
  const current = useCurrentNetwork();
  network = network ?? current;
  const ui = i18n.resolvedLanguage ?? 'en';
  const tree = useAreaTree(network);
  const entries = useMemo(() => areaEntries(tree.data ?? [], ui), [tree.data, ui]);
  const data = useMemo(() => {
    const items: AreaItem[] = entries.map((entry: AreaEntry) => ({
      value: entry.area.code,
      label: entry.label,
      depth: entry.depth,
      path: entry.path.join(' › '),
    }));
    const known = new Set(items.map((item) => item.value));
    const typed = search.trim().toLowerCase();
    const offerTyped = CODE.test(typed) && !(tree.data ?? []).some((area) => areaMatches(area, typed));
    for (const code of [...values, ...(offerTyped ? [typed] : [])]) {
      if (!known.has(code)) {
        known.add(code);
        items.push({ value: code, label: code, depth: 0, path: '' });
      }
    }
    return items;
  }, [entries, values, search, tree.data]);
  const byCode = useMemo(() => new Map((tree.data ?? []).map((area) => [area.code, area])), [tree.data]);
  const filter = ({ options, search: query }: { options: ComboboxParsedItem[]; search: string }) =>
    options.filter((option) => {
      if (!('value' in option)) return false;
      const area = byCode.get(option.value);
      return area ? areaMatches(area, query) : option.value.includes(query.trim().toLowerCase());
    });
  return { data, filter, loading: tree.isPending };
}

function renderOption({ option }: { option: ComboboxItem }) {
  const item = option as AreaItem;
  return (
    <Group gap={4} wrap="nowrap" pl={item.depth * 16}>
      <Text size="sm">{item.label}</Text>
      {item.path && (
        <Text size="xs" c="dimmed">
          {item.path}
        </Text>
      )}
    </Group>
  );
}

type AreaPickerProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'filter' | 'searchable'> & {
  /** The current screen's network unless given. */
  network?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
};

/** Several areas: a partner's or a service's, or a filter (which includes sub-areas). */
export function AreaPicker({ network, value = NONE, onChange = () => undefined, ...props }: AreaPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, filter } = useAreaData(network, value, search);
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={(next) => {
        setSearch('');
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      renderOption={renderOption}
      limit={100}
      hidePickedOptions
      nothingFoundMessage={t('areas.nothingFound')}
    />
  );
}

type AreaSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter' | 'searchable'> & {
  network?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** One area: a location's, or the route finder's question. */
export function AreaSelect({ network, value = null, onChange = () => undefined, ...props }: AreaSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const values = useMemo(() => (value ? [value] : []), [value]);
  const { data, filter } = useAreaData(network, values, search);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      onSearchChange={setSearch}
      filter={filter}
      renderOption={renderOption}
      limit={100}
      clearable
      nothingFoundMessage={t('areas.nothingFound')}
    />
  );
}
