import { Badge, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AreaPicker } from '@/components/AreaPicker';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { usePermissions } from '@/lib/membership';
import { CAPACITY_STATUSES, SERVICE_STATUSES, SERVICE_TYPES } from '@/lib/vocabulary';

import type { ServiceSearch } from '../api/search';
import { useServiceList } from '../api/services';
import { CapacityBadge, CapacityFreshness } from '../components/Capacity';
import { ServicesNav } from '../components/ServicesNav';

function clean(search: ServiceSearch): ServiceSearch {
  return Object.fromEntries(
    Object.entries({ ...search, cursor: undefined }).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as ServiceSearch;
}

export function ServicesPage({ network, search, onSearchChange }: { network: string; search: ServiceSearch; onSearchChange: (next: ServiceSearch, options?: { replace?: boolean }) => void }) {
  const { t } = useTranslation();
  const list = useServiceList(network, search);
  const permissions = usePermissions(network);
  const [text, setText] = useState(search.q ?? '');
  const [shownQ, setShownQ] = useState(search.q);
  if (shownQ !== search.q) {
    setShownQ(search.q);
    if (text.trim() !== (search.q ?? '')) setText(search.q ?? '');
  }
  const pushText = useDebouncedCallback((value: string) => onSearchChange(clean({ ...search, q: value.trim() || undefined }), { replace: true }), 350);
  const page = (search.cursor?.length ?? 0) + 1;

  return (
    <>
      <PageHeader
        title={t('services.title')}
        description={t('services.description')}
        actions={
          permissions.createService && (
            <ButtonLink to="/n/$network/services/new" params={{ network }} leftSection={<IconPlus size={16} aria-hidden="true" />}>
              {t('serviceForm.add')}
            </ButtonLink>
          )
        }
      />
      <ServicesNav network={network} current="services" />
      <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-label={t('coverage.filters.title')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <TextInput
            label={t('partners.filters.search')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              pushText(event.currentTarget.value);
            }}
            data-testid="service-search"
          />
          <MultiSelect
            label={t('services.type')}
            data={SERVICE_TYPES.map((code) => ({ value: code, label: t(`serviceType.${code}`) }))}
            value={search.type ?? []}
            onChange={(value) => onSearchChange(clean({ ...search, type: value as ServiceSearch['type'] }))}
            searchable
            clearable
            placeholder={search.type?.length ? undefined : t('partners.filters.any')}
          />
          <MultiSelect
            label={t('attentionFilters.serviceStatus')}
            data={SERVICE_STATUSES.map((code) => ({ value: code, label: t(`serviceStatus.${code}`) }))}
            value={search.status ?? []}
            onChange={(value) => onSearchChange(clean({ ...search, status: value as ServiceSearch['status'] }))}
            clearable
            placeholder={search.status?.length ? undefined : t('partners.filters.any')}
            data-testid="service-status-filter"
          />
          <MultiSelect
            label={t('attentionFilters.capacity')}
            description={t('attentionFilters.capacityHint')}
            data={CAPACITY_STATUSES.map((code) => ({ value: code, label: t(`capacity.${code}`) }))}
            value={search.capacity ?? []}
            onChange={(value) => onSearchChange(clean({ ...search, capacity: value as ServiceSearch['capacity'] }))}
            clearable
            placeholder={search.capacity?.length ? undefined : t('partners.filters.any')}
            data-testid="service-capacity-filter"
          />
          <AreaPicker
            label={t('coverage.filters.area')}
            description={t('areas.filterHint')}
            value={search.area ?? []}
            onChange={(value) => onSearchChange(clean({ ...search, area: value }))}
            clearable
            maxValues={20}
          />
        </SimpleGrid>
      </Paper>
      <div aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending && <LoadingState />}
        {list.isError && <ErrorState onRetry={() => void list.refetch()} />}
        {list.data && list.data.items.length === 0 && <EmptyState title={t('services.emptyTitle')}>{t('services.emptyBody')}</EmptyState>}
        {list.data && list.data.items.length > 0 && (
          <Text size="sm" c="dimmed" mb="xs" data-testid="result-summary">
            {t('services.total', { count: list.data.total })} · {t('services.pageShown', { page, count: list.data.items.length })}
          </Text>
        )}
        {list.data && list.data.items.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" data-testid="service-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('services.name')}</Table.Th>
                    <Table.Th>{t('services.type')}</Table.Th>
                    <Table.Th>{t('services.access')}</Table.Th>
                    <Table.Th>{t('services.capacity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((service) => (
                    <Table.Tr key={service.id}>
                      <Table.Td>
                        <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: service.id }} fw={600}>
                          {service.name}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {service.partner_name} · {t(`sector.${service.partner_sector}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`serviceType.${service.type}`)}</Text>
                        {service.status !== 'active' && <Text size="xs" c="orange.9">{t(`serviceStatus.${service.status}`)}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {service.entry_point && <Badge color="gray" variant="outline" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>{t('services.entryPoint')}</Badge>}
                          {service.open_24_7 && <Badge color="gray" variant="outline" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>{t('services.open247')}</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <CapacityBadge status={service.capacity.status} bedsFree={service.capacity.beds_free} />
                          <CapacityFreshness capacity={service.capacity} />
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </div>
      {list.data && (page > 1 || list.data.next_cursor) && (
        <Group justify="space-between" mt="md" component="nav" aria-label={t('partners.paging')}>
          <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden="true" />} disabled={page === 1} onClick={() => onSearchChange({ ...search, cursor: search.cursor?.slice(0, -1).length ? search.cursor.slice(0, -1) : undefined })}>
            {t('partners.previous')}
          </Button>
          <Text size="sm">{t('partners.page', { page })}</Text>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} aria-hidden="true" />}
            disabled={!list.data.next_cursor}
            onClick={() => list.data?.next_cursor && onSearchChange({ ...search, cursor: [...(search.cursor ?? []), list.data.next_cursor] })}
          >
            {t('partners.next')}
          </Button>
        </Group>
      )}
    </>
  );
}
