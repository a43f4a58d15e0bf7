import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';

import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { usePermissions } from '@/lib/membership';

import { usePartnerList } from '../api/partners';
import { activeFilterCount, nextPage, previousPage, withFilters, type PartnerSearch } from '../api/search';
import { PartnerFilters } from '../components/PartnerFilters';
import { PartnerTable } from '../components/PartnerTable';

export function PartnerDirectoryPage({
  network,
  search,
  onSearchChange,
}: {
  network: string;
  search: PartnerSearch;
  onSearchChange: (next: PartnerSearch, options?: { replace?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const permissions = usePermissions(network);
  const list = usePartnerList(network, search);
  const page = (search.cursor?.length ?? 0) + 1;

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        actions={
          <>
            <ButtonLink to="/n/$network/partners/map" params={{ network }} variant="default">
              {t('nav.stakeholderMap')}
            </ButtonLink>
            {permissions.createPartner && (
              <ButtonLink to="/n/$network/partners/new" params={{ network }} leftSection={<IconPlus size={16} aria-hidden="true" />}>
                {t('partners.add')}
              </ButtonLink>
            )}
          </>
        }
      />
      <PartnerFilters search={search} onChange={onSearchChange} />
      <div aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending && <LoadingState />}
        {list.isError && <ErrorState onRetry={() => void list.refetch()} />}
        {list.data && list.data.items.length === 0 && (
          <EmptyState
            title={t('partners.empty.title')}
            action={
              activeFilterCount(search) > 0 ? (
                <Button variant="default" onClick={() => onSearchChange({})}>
                  {t('partners.filters.clear')}
                </Button>
              ) : permissions.createPartner ? (
                <ButtonLink to="/n/$network/partners/new" params={{ network }}>
                  {t('partners.add')}
                </ButtonLink>
              ) : null
            }
          >
            {activeFilterCount(search) > 0 ? t('partners.empty.filtered') : t('partners.empty.none')}
          </EmptyState>
        )}
        {list.data && list.data.items.length > 0 && (
          <>
            <Text size="sm" c="dimmed" mb="xs" data-testid="result-summary">
              {t('partners.total', { count: list.data.total })} · {t('partners.pageShown', { page, count: list.data.items.length })}
            </Text>
            <PartnerTable
              network={network}
              partners={list.data.items}
              sort={search.sort ?? 'name'}
              onSort={(sort) => onSearchChange(withFilters(search, { sort: sort === 'name' ? undefined : sort }))}
            />
          </>
        )}
      </div>
      {list.data && (page > 1 || list.data.next_cursor) && (
        <Group justify="space-between" mt="md" component="nav" aria-label={t('partners.paging')}>
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
            disabled={page === 1}
            onClick={() => onSearchChange(previousPage(search))}
          >
            {t('partners.previous')}
          </Button>
          <Text size="sm">{t('partners.page', { page })}</Text>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} aria-hidden="true" />}
            disabled={!list.data.next_cursor}
            onClick={() => list.data?.next_cursor && onSearchChange(nextPage(search, list.data.next_cursor))}
          >
            {t('partners.next')}
          </Button>
        </Group>
      )}
    </>
  );
}
